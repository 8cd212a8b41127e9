// Once its object is collected, every use of the proxy throws a ReferenceError.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc dead-proxy.js');
  process.exit(1);
}
const { weakProxy } = require('./weak-proxy');

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function openDocument() {
  const doc = { title: 'draft.txt' };
  return weakProxy(doc); // nothing else keeps the document
}

async function main() {
  const doc = openDocument();
  console.log('title while alive:', doc.title);
  await tick();
  gc();
  console.log('after a collection, reading the title again...');
  console.log(doc.title); // throws ReferenceError
}

main();

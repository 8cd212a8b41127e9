// What a closure keeps alive. A local that no function captures goes as soon as its function has
// returned. In V8, the variables of one scope that any inner function uses live together in one
// context object, and every closure made in that scope keeps the whole context: one captured
// variable in use keeps all its neighbours alive.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeClickHandler() {
  const report = { name: 'report' }; // used here only: an ordinary local
  const bigTable = { name: 'big table' }; // captured by logTable
  const label = { name: 'label' }; // captured by onClick
  const watchers = { report: new WeakRef(report), bigTable: new WeakRef(bigTable), label: new WeakRef(label) };

  console.log('building the handler from', report.name);
  const logTable = () => console.log(bigTable.name); // never called, never returned
  const onClick = () => `clicked ${label.name}`; // the one function that lives on
  return { onClick, watchers };
}

async function main() {
  const { onClick, watchers } = makeClickHandler();
  await tick();
  gc();
  for (const [name, ref] of Object.entries(watchers)) {
    console.log(`${name}:`, ref.deref() === undefined ? 'collected' : 'still alive');
  }
  console.log(onClick()); // onClick is alive, and with it the context it shares with logTable
}

main();

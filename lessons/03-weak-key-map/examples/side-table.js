// A WeakMap as a side table: data about objects we do not own, gone when they are.
if (typeof gc !== 'function') {
  console.error('Run this with: node --expose-gc side-table.js');
  process.exit(1);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

// Imagine these come from a library: we may not add properties to them.
function libraryCreatesWidget(name) {
  return Object.freeze({ name });
}

const clicks = new WeakMap(); // widget -> how often it was clicked

function recordClick(widget) {
  clicks.set(widget, (clicks.get(widget) ?? 0) + 1);
}

async function main() {
  const kept = libraryCreatesWidget('save button');
  let dropped = libraryCreatesWidget('old dialog');
  recordClick(kept);
  recordClick(kept);
  recordClick(dropped);
  console.log('clicks on', kept.name + ':', clicks.get(kept));
  console.log('clicks on', dropped.name + ':', clicks.get(dropped));

  // Watch the dropped widget's entry without holding it.
  const droppedRef = new WeakRef(dropped);
  dropped = null;
  await tick();
  gc();

  console.log('old dialog still in memory?', droppedRef.deref() !== undefined);
  console.log('save button still counted:', clicks.get(kept));
}

main();

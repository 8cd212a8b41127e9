// When a target is collected, every WeakRef to it empties and every WeakMap entry keyed by it
// goes, all in one step: no code can see one of them answer while another has already let go.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

const notes = new WeakMap();

function setUp() {
  const widget = { name: 'widget' };
  const first = new WeakRef(widget);
  const second = new WeakRef(widget);
  const note = { text: 'clicked twice' };
  notes.set(widget, note); // the note lives as long as its key
  // Spectator: the note is reachable only through the WeakMap entry.
  const noteWatcher = new WeakRef(note);
  return { widget, first, second, noteWatcher };
}

function report(label, { first, second, noteWatcher }) {
  const alive = (ref) => ref.deref() !== undefined;
  console.log(`${label}: first WeakRef ${alive(first)}, second WeakRef ${alive(second)}, note in the WeakMap ${alive(noteWatcher)}`);
}

async function main() {
  const refs = setUp();
  await tick();
  gc();
  report('while the widget lives', refs);

  refs.widget = null; // the last strong reference
  await tick();
  gc();
  report('after a collection', refs);
}

main();

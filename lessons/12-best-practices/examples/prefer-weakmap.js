// When the question is "what do I know about this object?", a WeakMap answers it without a
// single deref() check: if you can ask, the object is alive, and so is its entry.
const labels = new WeakMap();

function label(node, text) {
  labels.set(node, text);
}

function describe(node) {
  return labels.get(node) ?? '(no label)';
}

const header = { tag: 'h1' };
const footer = { tag: 'footer' };
label(header, 'page title');
console.log(describe(header));
console.log(describe(footer));

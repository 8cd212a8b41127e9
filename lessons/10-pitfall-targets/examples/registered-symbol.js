// Symbol.for() returns a symbol from a global registry that lives as long as the program,
// so it can never be collected, and a weak collection refuses it.
const visited = new WeakSet();
const page = { url: '/home' };
visited.add(page);
console.log('an object was added');

visited.add(Symbol.for('session')); // TypeError (weakref/invalid-weak-target)
console.log('never printed');

// Only the methods that store throw. Lookups with a primitive quietly miss, every time,
// which makes this mistake easy to overlook (weakref/invalid-weak-target warns about each).
const sessions = new WeakMap();
const seen = new WeakSet();

console.log('get:', sessions.get('user-1'));
console.log('has:', sessions.has(7));
console.log('delete:', sessions.delete('user-1'));
console.log('WeakSet has:', seen.has('page-3'));

// WeakMap keys must be objects (or, on newer engines, symbols that are not registered).
// Lookups with a primitive never throw: they just never find anything.
// The linter reports each primitive key below as weakref/invalid-weak-target.
const table = new WeakMap();
const user = { id: 'u1' };
table.set(user, 'object key: fine');
console.log(table.get(user));

// get/has/delete with a primitive: no error, always a miss.
console.log('get with a string:', table.get('u1'));
console.log('has with a number:', table.has(42));

// set with a primitive throws: a string has no identity the collector could track.
console.log('now setting a string key...');
table.set('u1', 'this line throws');
console.log('never printed');

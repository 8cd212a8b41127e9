// A WeakMap has no size, no keys(), no forEach and no iterator: by design.
// weakref/weak-target-unreachable: these keys can go at once; only the methods matter here.
const table = new WeakMap([[{}, 1], [{}, 2]]);

console.log('size:', table.size);
console.log('has keys():', typeof table.keys === 'function');
console.log('has forEach():', typeof table.forEach === 'function');
console.log('iterable:', typeof table[Symbol.iterator] === 'function');
console.log('methods:', Object.getOwnPropertyNames(WeakMap.prototype).filter((n) => n !== 'constructor').sort().join(', '));

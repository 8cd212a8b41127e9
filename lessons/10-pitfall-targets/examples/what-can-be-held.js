// Which values can be the target of a WeakRef (or a WeakMap key, a WeakSet member, a
// registered target)? Objects of every kind: yes. Primitives and registered symbols: no.
class Point {}
const candidates = [
  ['an object literal', {}],
  ['an array', []],
  ['a function', () => {}],
  ['a regular expression', /x/],
  ['a Date', new Date(0)],
  ['a class instance', new Point()],
  ['a boxed string', Object('text')],
  ['a string', 'text'],
  ['a number', 42],
  ['a boolean', true],
  ['a bigint', 10n],
  ['null', null],
  ['undefined', undefined],
  ['a registered symbol', Symbol.for('app')],
];

for (const [label, value] of candidates) {
  try {
    new WeakRef(value);
    console.log(`ok         ${label}`);
  } catch (e) {
    console.log(`${e.constructor.name}  ${label}`);
  }
}

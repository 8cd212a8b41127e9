// Differential test: CPython decides whether a target can be weakly referenced; the linter
// must never say it cannot when CPython accepts it (precision 1.000). Recall is reported.
// It also checks weak-target-unreachable: a finding there means the reference is dead at once.
import * as assert from 'node:assert/strict';
import { analyzePython } from '../../../src/analysis/index';
import { python3Available, runInCpython } from './cpython';

const CLASSES = `
class Plain:
    def m(self):
        return 1
    @staticmethod
    def s():
        return 2
    @classmethod
    def c(cls):
        return 3
    @property
    def p(self):
        return self
class Slotted:
    __slots__ = ('a',)
    def m(self):
        return 1
class SlottedWeak:
    __slots__ = ('a', '__weakref__')
class SlottedStr:
    __slots__ = 'a'
class SlottedWeakStr:
    __slots__ = '__weakref__'
class SlottedEmpty:
    __slots__ = ()
class SubOfSlotted(Slotted):
    __slots__ = ('b',)
class SubOfSlottedNoSlots(Slotted):
    pass
class SubOfPlainSlotted(Plain):
    __slots__ = ('b',)
class SlottedList:
    __slots__ = ['x', 'y']
class Holder:
    def __init__(self):
        self.items = []
class Registering:
    instances = []
    def __init__(self):
        Registering.instances.append(self)
`;
const BUILTIN_BASES = [
  'int',
  'tuple',
  'bytes',
  'list',
  'dict',
  'str',
  'float',
  'set',
  'frozenset',
  'complex',
  'object',
  'Exception',
  'bytearray',
];
const subclassDefs = BUILTIN_BASES.map(
  (b) => `class Sub_${b}(${b}):\n    pass\nclass SubSub_${b}(Sub_${b}):\n    pass\n`,
).join('');

const EXPRESSIONS = [
  // literals
  '1',
  '0',
  '-1',
  '10**100',
  '0x1f',
  '0o7',
  '0b1',
  '1_000',
  '1.5',
  '1e3',
  '.5',
  '1j',
  '2.5J',
  'True',
  'False',
  'None',
  "'s'",
  '"s"',
  "''",
  "'''doc'''",
  "r'raw'",
  "b'b'",
  "B'b'",
  "rb'x'",
  "br'x'",
  "'a' 'b'",
  "b'a' b'b'",
  "f'x{1}'",
  'f"{2}"',
  "u'x'",
  '...',
  'NotImplemented',
  // displays and comprehensions
  '[]',
  '[1, 2]',
  '[[1]]',
  '{}',
  "{'a': 1}",
  '()',
  '(1,)',
  '(1, 2)',
  '{1}',
  '{1, 2}',
  '[x for x in range(3)]',
  '{x: x for x in range(3)}',
  '{x for x in range(3)}',
  '(x for x in range(3))',
  '[*[1]]',
  '{**{}}',
  // calls of built-ins
  'list()',
  'list([1])',
  'dict()',
  'dict(a=1)',
  'tuple()',
  'tuple([1])',
  'int()',
  'int(3)',
  'float()',
  'float(1)',
  'complex()',
  'complex(1, 2)',
  'str()',
  'str(1)',
  'bytes()',
  'bytes(2)',
  'bytearray()',
  'bytearray(b"x")',
  'bool()',
  'bool(1)',
  'range(3)',
  'range(0)',
  'object()',
  'set()',
  'set([1])',
  'frozenset()',
  'frozenset([1])',
  'type("X", (), {})',
  'iter([])',
  'slice(1)',
  'memoryview(b"x")',
  'len',
  'print',
  'int',
  'list',
  'object',
  'lambda: 0',
  'lambda x: x',
  'weakref',
  'Plain',
  'Slotted',
  'Sub_int',
  // instances of the snippet's classes
  'Plain()',
  'Slotted()',
  'SlottedWeak()',
  'SlottedStr()',
  'SlottedWeakStr()',
  'SlottedEmpty()',
  'SubOfSlotted()',
  'SubOfSlottedNoSlots()',
  'SubOfPlainSlotted()',
  'SlottedList()',
  'Holder()',
  'Registering()',
  ...BUILTIN_BASES.flatMap((b) => [`Sub_${b}()`, `SubSub_${b}()`]),
  // bound methods and other attributes
  'Plain().m',
  'Plain().s',
  'Plain().c',
  'Plain().p',
  'Plain.m',
  'Plain.s',
  'Slotted().m',
  'plain.m',
  'plain.s',
  'plain.c',
  'plain.p',
  'holder.items',
  // through variables
  'lst',
  'tup',
  'num',
  'text',
  'plain',
  'slotted',
  'holder',
  'fn',
  'maybe',
  'cond_list',
  // conditional expressions and operators
  '[] if flag else {}',
  '[] if flag else plain',
  '1 + 2',
  '"a" * 2',
  '[1] + [2]',
  'not plain',
  'plain or []',
  '[] or plain',
  '(plain)',
  '((1, 2))',
];
const VARIABLES = `
flag = True
plain = Plain()
slotted = SlottedWeak()
holder = Holder()
lst = [1]
tup = (1,)
num = 3
text = 'x'
def fn():
    return 0
maybe = plain if flag else None
cond_list = [1] if flag else [2]
`;

/** Each expression goes through weakref.ref and through one other weak API. */
const SINKS = [
  (e: string) => `_r = weakref.ref(${e})`,
  (e: string) => `_p = weakref.proxy(${e})`,
  (e: string) => `_ws = weakref.WeakSet()\n_ws.add(${e})`,
  (e: string) => `_wk = weakref.WeakKeyDictionary()\n_wk[${e}] = 1`,
  (e: string) => `_wv = weakref.WeakValueDictionary()\n_wv['k'] = ${e}`,
  (e: string) => `_f = weakref.finalize(${e}, print)\n_f.detach()`,
];

interface Case {
  expr: string;
  code: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  const prefix = `import weakref\n${CLASSES}${subclassDefs}${VARIABLES}`;
  EXPRESSIONS.forEach((expr, i) => {
    out.push({ expr, code: `${prefix}${SINKS[0](expr)}\n` });
    const other = SINKS[1 + (i % (SINKS.length - 1))];
    out.push({ expr, code: `${prefix}${other(expr)}\n` });
  });
  return out;
}

describe('Python: CPython differential test (weak targets)', function () {
  before(function () {
    if (!python3Available()) this.skip(); // documented in docs/PYTHON-PARSER.md: CI installs python3
  });

  it('never reports invalid-weak-target where CPython accepts the target (precision 1.000), and reports the recall', function () {
    const all = cases();
    const outcomes = runInCpython(all.map((c) => c.code));
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let tn = 0;
    let unreachableTp = 0;
    const falseAlarms: string[] = [];
    const broken: string[] = [];
    const misses: string[] = [];
    all.forEach((c, i) => {
      const o = outcomes[i];
      if (o.error) return broken.push(`${c.expr}: ${o.error}`);
      const errors: unknown[] = [];
      const lastLineStart = c.code.lastIndexOf('\n', c.code.length - 2);
      const findings = analyzePython(c.code, { onInternalError: (e) => errors.push(e) }).filter(
        (f) => f.start > lastLineStart - 80,
      );
      assert.deepEqual(errors, []);
      const flagged = findings.some((f) => f.rule === 'invalid-weak-target');
      if (flagged && o.refused) tp++;
      else if (flagged) {
        fp++;
        falseAlarms.push(c.code.slice(lastLineStart + 1));
      } else if (o.refused) {
        fn++;
        misses.push(c.code.slice(c.code.lastIndexOf('\n_', c.code.length - 2) + 1).trim());
      } else tn++;
      // weak-target-unreachable on weakref.ref: CPython must show the reference dead at once.
      if (findings.some((f) => f.rule === 'weak-target-unreachable') && c.code.includes('_r = weakref.ref(')) {
        assert.equal(o.deadAtOnce, true, `weak-target-unreachable on ${c.expr}, but CPython keeps the referent alive`);
        unreachableTp++;
      }
    });
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `      CPython differential: ${all.length} snippets (${EXPRESSIONS.length} expressions × 2 weak APIs), ${broken.length} broken; refused by CPython ${tp + fn}, flagged ${tp + fp}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (${tp}/${tp + fn}); weak-target-unreachable confirmed dead ${unreachableTp}`,
    );
    if (process.env.WEAKREF_DIFF_VERBOSE) console.log(misses.join('\n'));
    assert.deepEqual(broken, [], 'every snippet must run in CPython up to the weak call');
    assert.deepEqual(falseAlarms, [], 'invalid-weak-target where CPython accepts the target');
    assert.ok(tp > 0 && tn > 0, 'the sample must hold both kinds of targets');
    assert.ok(recall >= 0.8, `recall ${recall.toFixed(3)} fell below 0.8`);
  });
});

// collected-in-same-job: each case states what the rule must do; every invalid case was reviewed by hand.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'async function demo() {\n  const ref = new WeakRef(make());\n  await new Promise((r) => setTimeout(r, 0));\n  gc();\n  assert.equal(ref.deref(), undefined);\n}',
    'function demo() {\n  const ref = new WeakRef(make());\n  gc();\n  assert.notEqual(ref.deref(), undefined);\n}',
    'function demo() {\n  const ref = new WeakRef(make());\n  gc();\n  console.log(ref.deref() !== undefined);\n}',
    'function check(ref) {\n  gc();\n  assert.equal(ref.deref(), undefined);\n}',
    'async function poll(ref) {\n  ref.deref();\n  while (true) {\n    gc();\n    if (ref.deref() === undefined) break;\n    await sleep(10);\n  }\n}',
    "function demo() {\n  const ref = new WeakRef(make());\n  if (ref.deref() === undefined) console.log('gone');\n}",
    'function gc() {}\nfunction demo() {\n  const ref = new WeakRef(make());\n  gc();\n  assert.equal(ref.deref(), undefined);\n}',
    'const ref = new WeakRef(make());\nsetTimeout(() => {\n  gc();\n  assert.equal(ref.deref(), undefined);\n}, 0);',
  ],
  invalid: [
    {
      code: "test('collects', () => {\n  let target = {};\n  const ref = new WeakRef(target);\n  target = null;\n  gc();\n  assert.equal(ref.deref(), undefined);\n});",
      errors: [
        {
          messageId: 'keptAlive',
          data: {
            call: 'ref.deref()',
            how: 'created the WeakRef',
          },
          line: 6,
          column: 16,
          endColumn: 27,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      code: "it('is collected', () => {\n  const ref = new WeakRef({});\n  globalThis.gc();\n  expect(ref.deref()).toBeUndefined();\n});",
      errors: [
        {
          messageId: 'keptAlive',
          data: {
            call: 'ref.deref()',
            how: 'created the WeakRef',
          },
          line: 4,
          column: 10,
          endColumn: 21,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      code: "function check(ref) {\n  if (!ref.deref()) return;\n  global.gc();\n  if (ref.deref() === undefined) console.log('collected');\n}",
      errors: [
        {
          messageId: 'keptAlive',
          data: {
            call: 'ref.deref()',
            how: 'called deref()',
          },
          line: 4,
          column: 7,
          endColumn: 18,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      code: 'async function demo() {\n  await tick();\n  const ref = new WeakRef(make());\n  gc();\n  assert(!ref.deref());\n}',
      errors: [
        {
          messageId: 'keptAlive',
          data: {
            call: 'ref.deref()',
            how: 'created the WeakRef',
          },
          line: 5,
          column: 11,
          endColumn: 22,
          severity: 'warning',
        },
      ],
      output: null,
    },
  ],
};

export const cases: RuleCaseTables = { javascript };

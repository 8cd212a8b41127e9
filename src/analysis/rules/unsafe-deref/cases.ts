// unsafe-deref: generated from reviewed cases, then kept by hand: each case states what the rule must do.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, markedWithFix, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    {
      name: 'the operand of await runs before the suspension: a guarded deref() inside it is safe',
      code: 'async function send(ref: WeakRef<Socket>) {\n  if (ref.deref()) await ref.deref()!.send();\n}',
      ts: true,
    },
    'async function send(ref) {\n  if (ref.deref()) await ref.deref().send();\n}',
    'function* send(ref) {\n  if (ref.deref()) yield ref.deref().next();\n}',
    'const ref = new WeakRef(obj);\nref.deref()?.name;',
    'const ref = new WeakRef(obj);\nconst name = ref.deref() ?? fallback;',
    'const ref = new WeakRef(obj);\nif (ref.deref() === undefined) cleanup();',
    'const ref = new WeakRef(obj);\nuse(ref.deref());',
    'function get(ref) { return ref.deref(); }',
    'const ref = new WeakRef(obj);\nconst o = ref.deref();\nif (o) o.run();',
    'const ref = new WeakRef(obj);\nconst o = ref.deref();\nif (o !== undefined) { o.run(); }',
    'function f(ref) {\n  const o = ref.deref();\n  if (!o) return;\n  o.run();\n}',
    "function f(ref) {\n  const o = ref.deref();\n  if (!o) throw new Error('gone');\n  o.run();\n}",
    'for (const ref of refs) {\n  const o = ref.deref();\n  if (!o) continue;\n  o.run();\n}',
    'for (const ref of refs) {\n  const o = ref.deref();\n  if (o === undefined) break;\n  o.run();\n}',
    'const o = ref.deref();\no && o.run();',
    "const o = ref.deref();\nconst n = o ? o.name : 'none';",
    "const o = ref.deref();\nif (typeof o !== 'undefined') o.run();",
    'const o = ref.deref();\nif (o != null) o.run();',
    'const o = ref.deref();\nif (o == null) { return; }\no.run();',
    'const o = ref.deref();\nif (!(o === undefined)) o.run();',
    'if (ref.deref()) {\n  ref.deref().run();\n}',
    'if (ref.deref() !== undefined) ref.deref().run();',
    'ref.deref() && ref.deref().run();',
    'function f() {\n  if (!this.ref.deref()) return;\n  this.ref.deref().run();\n}',
    'async function f(ref) {\n  const o = ref.deref();\n  if (!o) return;\n  await later();\n  o.run();\n}',
    'const o = ref.deref();\nif (o?.ready) o.start();',
    'const o = ref.deref();\nif (o instanceof Widget) o.render();',
    'const m = new Map();\nm.deref().x;',
    "import { atom } from 'lib';\nconst a = atom(1);\nconst box = { deref() { return 1; } };\nbox.deref().toFixed();",
    'class Box { deref() { return this; } }\nconst b = new Box();\nb.deref().x;',
    'const ref = new WeakRef(obj);\nconst { a } = ref.deref() ?? {};',
    'const ref = new WeakRef(obj);\nconst copy = { ...ref.deref() };',
    'const ref = new WeakRef(obj);\nwhile (ref.deref()) { ref.deref().tick(); }',
    'const o = ref.deref();\nconst v = o && o.a && o.a.b;',
    { code: 'function f(cache: Cache) { return cache.deref().x; }', ts: true },
    'const ref = new WeakRef(obj);\nlet o = ref.deref();\no = o ?? make();\no.run();',
    'const x = new WeakRef(o);\nx.deref()?.p;',
    'const x = new WeakRef(o);\nconst v = x.deref() ?? d;',
    'const x = new WeakRef(o);\nif (x.deref() === undefined) {}',
    'const x = new WeakRef(o);\nconst c = x.deref();\nif (c) { c.p; }',
    "import assert from 'node:assert';\nfunction f() {\n  const t = ref.deref();\n  assert(t);\n  t.run();\n}",
    "import * as assert from 'node:assert/strict';\nfunction f() {\n  const t = ref.deref();\n  assert.ok(t, 'the target is gone');\n  t.run();\n}",
    "import { strict as assert } from 'node:assert';\nfunction f() {\n  const t = ref.deref();\n  assert(t !== undefined);\n  t.run();\n}",
    "const assert = require('assert');\nfunction f(ref) {\n  const t = ref.deref();\n  assert.notStrictEqual(t, undefined);\n  t.run();\n}",
    {
      code: "import assert = require('node:assert');\nfunction f() {\n  const t = ref.deref();\n  assert.notEqual(t, null);\n  t.run();\n}",
      tscDiffers: '@types/node declares assert.notEqual without `asserts`, yet it throws when t != null fails',
      ts: true,
    },
    {
      code: "function assertAlive(v: unknown): asserts v {\n  if (!v) throw new Error('gone');\n}\nfunction f() {\n  const t = ref.deref();\n  assertAlive(t);\n  t.run();\n}",
      ts: true,
    },
    {
      code: 'declare function assertDefined<T>(v: T): asserts v is NonNullable<T>;\nfunction f() {\n  const t = ref.deref();\n  assertDefined(t);\n  t.run();\n}',
      ts: true,
    },
    {
      code: 'function isAlive<T>(v: T | undefined): v is T {\n  return v !== undefined;\n}\nfunction f() {\n  const t = ref.deref();\n  if (isAlive(t)) t.run();\n}',
      ts: true,
    },
    "function f() {\n  const t = ref.deref();\n  if (t?.state === 'open') t.close();\n}",
    'function f() {\n  const t = ref.deref();\n  if (t?.disposed !== false) return;\n  t.start();\n}',
    "function f() {\n  const t = ref.deref();\n  if (typeof t?.start !== 'function') return;\n  t.start();\n}",
    "function f() {\n  const t = ref.deref();\n  if (typeof t === 'object') t.run();\n}",
    'function f() {\n  const t = ref.deref();\n  if (t instanceof Widget) t.render();\n}',
    {
      code: 'function f() {\n  const t = ref.deref();\n  if (Boolean(t)) t.run();\n}',
      tscDiffers: 'TypeScript does not narrow through Boolean(x); at run time it is the same test as if (t)',
    },
    'function f() {\n  const t = ref.deref();\n  if (!!t) t.run();\n}',
    'function f() {\n  const t = ref.deref();\n  if (t === undefined || t.dead) return;\n  t.run();\n}',
    'function f() {\n  const t = ref.deref();\n  if (t && t.ready && t.visible) t.show();\n}',
    {
      code: 'function f() {\n  let t: Target | undefined;\n  while ((t = ref.deref())) {\n    t.tick();\n  }\n}',
      ts: true,
    },
    {
      code: 'function f() {\n  let t: Target | undefined;\n  if ((t = ref.deref()) !== undefined) t.run();\n}',
      ts: true,
    },
    {
      code: 'function f() {\n  let t: Target | undefined;\n  do {\n    t = ref.deref();\n  } while (!t);\n  t.run();\n}',
      ts: true,
    },
    "function f() {\n  const t = ref.deref();\n  if (t) {\n    log('alive');\n  } else {\n    return;\n  }\n  t.run();\n}",
    "function f() {\n  const t = ref.deref();\n  if (!t) {\n    log('gone');\n    throw new Error('gone');\n  }\n  if (ready) {\n    for (const job of jobs) t.take(job);\n  }\n}",
    "function f() {\n  const t = ref.deref();\n  switch (t?.kind) {\n    case 'a':\n    case 'b':\n      t.run();\n      break;\n  }\n}",
    'function f() {\n  const t = ref.deref();\n  if (!t) process.exit(1);\n  t.run();\n}',
    'function f() {\n  const t = ref.deref();\n  if (t !== prev) return;\n  t.run();\n}',
    'function f() {\n  const t = ref.deref();\n  if (t) setTimeout(() => t.run(), 10);\n}',
    'function f() {\n  const t = ref.deref();\n  if (!t) return;\n  queueMicrotask(() => t.run());\n}',
    "function f() {\n  if (ref.deref()?.state === 'open') ref.deref().close();\n}",
    {
      code: 'function f() {\n  const t = ref.deref();\n  if (t?.count > 0) t.run();\n}',
      tscDiffers: 'TypeScript does not narrow on < > <= >=; at run time undefined > 0 is false',
    },
    {
      code: "import { assert } from 'chai';\nfunction f() {\n  const t = ref.deref();\n  assert.exists(t);\n  t.run();\n}",
      tscDiffers: 'chai is not installed here, so TypeScript sees assert as any',
    },
    'function f() {\n  const t = ref.deref();\n  if (Array.isArray(t)) t.forEach(run);\n}',
    // A cast on the receiver names the same WeakRef: the guard by the first deref() holds.
    { code: 'if (ref.deref()) (ref as WeakRef<Target>).deref().run();', ts: true },
  ],
  invalid: [
    {
      code: 'const ref = new WeakRef(obj);\nref.deref().name;',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .name on it' },
          line: 2,
          column: 1,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target.name;\n}',
            },
          ],
        },
      ],
      output: 'const ref = new WeakRef(obj);\nref.deref()?.name;',
    },
    {
      code: "const ref = new WeakRef(obj);\nref.deref()['name'];",
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'indexing it' },
          line: 2,
          column: 1,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                "const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target['name'];\n}",
            },
          ],
        },
      ],
      output: "const ref = new WeakRef(obj);\nref.deref()?.['name'];",
    },
    {
      code: 'const ref = new WeakRef(obj);\nref.deref()();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'calling it' },
          line: 2,
          column: 1,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target();\n}',
            },
          ],
        },
      ],
      output: 'const ref = new WeakRef(obj);\nref.deref()?.();',
    },
    {
      code: 'const ref = new WeakRef(Ctor);\nnew (ref.deref())();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'using it with new' },
          line: 2,
          column: 6,
          endColumn: 17,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(Ctor);\nconst target = ref.deref();\nif (target !== undefined) {\n  new (target)();\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(obj);\nconst { a, b } = ref.deref();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'destructuring it' },
          line: 2,
          column: 18,
          endColumn: 29,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(list);\nconst all = [...ref.deref()];',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'spreading it' },
          line: 2,
          column: 17,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(list);\nfor (const x of ref.deref()) {}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'iterating it with for…of' },
          line: 2,
          column: 17,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      code: "const ref = new WeakRef(obj);\nif ('k' in ref.deref()) {}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'using it on the right of in' },
          line: 2,
          column: 12,
          endColumn: 23,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(obj);\nref.deref()!.name;',
      ts: true,
      errors: [
        {
          messageId: 'nonNull',
          data: { value: 'ref.deref()' },
          line: 2,
          column: 1,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target!.name;\n}',
            },
          ],
        },
      ],
      output: 'const ref = new WeakRef(obj);\nref.deref()?.name;',
    },
    {
      code: 'interface User { name: string }\nconst ref = new WeakRef<User>(u);\nconst user = ref.deref() as User;',
      ts: true,
      errors: [
        {
          messageId: 'cast',
          data: { value: 'ref.deref()' },
          line: 3,
          column: 14,
          endColumn: 25,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'function f(ref) {\n  const o = ref.deref();\n  return o.name;\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'o (from ref.deref())', use: 'reading .name on it' },
          line: 3,
          column: 10,
          endColumn: 11,
          severity: 'warning',
        },
      ],
      output: 'function f(ref) {\n  const o = ref.deref();\n  return o?.name;\n}',
    },
    {
      code: 'function f(ref) {\n  const o = ref.deref();\n  if (o) log(o);\n  o.run();\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'o (from ref.deref())', use: 'reading .run on it' },
          line: 4,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output: 'function f(ref) {\n  const o = ref.deref();\n  if (o) log(o);\n  o?.run();\n}',
    },
    {
      code: 'async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    ref.deref().run();\n  }\n}',
      errors: [
        {
          messageId: 'checkedBeforeAwait',
          data: { call: 'ref.deref()' },
          line: 4,
          column: 5,
          endColumn: 16,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    const target = ref.deref();\n    if (target !== undefined) {\n      target.run();\n    }\n  }\n}',
            },
          ],
        },
      ],
      output: 'async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    ref.deref()?.run();\n  }\n}',
    },
    {
      code: 'async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  ref.deref().run();\n}',
      errors: [
        {
          messageId: 'checkedBeforeAwait',
          data: { call: 'ref.deref()' },
          line: 4,
          column: 3,
          endColumn: 14,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  const target = ref.deref();\n  if (target !== undefined) {\n    target.run();\n  }\n}',
            },
          ],
        },
      ],
      output: 'async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  ref.deref()?.run();\n}',
    },
    {
      code: 'function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    ref.deref().run();\n  }\n}',
      errors: [
        {
          messageId: 'checkedBeforeAwait',
          data: { call: 'ref.deref()' },
          line: 4,
          column: 5,
          endColumn: 16,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    const target = ref.deref();\n    if (target !== undefined) {\n      target.run();\n    }\n  }\n}',
            },
          ],
        },
      ],
      output: 'function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    ref.deref()?.run();\n  }\n}',
    },
    {
      code: 'class Watcher {\n  constructor(target) { this.ref = new WeakRef(target); }\n  poke() { this.ref.deref().poke(); }\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'this.ref.deref()', use: 'reading .poke on it' },
          line: 3,
          column: 12,
          endColumn: 28,
          severity: 'warning',
        },
      ],
      output:
        'class Watcher {\n  constructor(target) { this.ref = new WeakRef(target); }\n  poke() { this.ref.deref()?.poke(); }\n}',
    },
    {
      code: 'const ref = new WeakRef(obj);\nfunction show() {\n  console.log(ref.deref().title);\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .title on it' },
          line: 3,
          column: 15,
          endColumn: 26,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(obj);\nfunction show() {\n  const target = ref.deref();\n  if (target !== undefined) {\n    console.log(target.title);\n  }\n}',
            },
          ],
        },
      ],
      output: 'const ref = new WeakRef(obj);\nfunction show() {\n  console.log(ref.deref()?.title);\n}',
    },
    {
      code: 'const ref = new WeakRef(obj);\nif (other) ref.deref().run();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .run on it' },
          line: 2,
          column: 12,
          endColumn: 23,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(obj);\nif (other) ref.deref()?.run();',
    },
    {
      code: 'const ref = new WeakRef(obj);\nif (ref.deref() !== null) ref.deref().run();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .run on it' },
          line: 2,
          column: 27,
          endColumn: 38,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(obj);\nif (ref.deref() !== null) ref.deref()?.run();',
    },
    {
      code: 'const o = ref.deref();\nif (o) {}\nconst { x } = o;',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'o (from ref.deref())', use: 'destructuring it' },
          line: 3,
          column: 15,
          endColumn: 16,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const o = ref.deref();\nfor (const item of o) {}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'o (from ref.deref())', use: 'iterating it with for…of' },
          line: 2,
          column: 20,
          endColumn: 21,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'function f(ref) {\n  ref.deref().go();\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .go on it' },
          line: 2,
          column: 3,
          endColumn: 14,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'function f(ref) {\n  const target = ref.deref();\n  if (target !== undefined) {\n    target.go();\n  }\n}',
            },
          ],
        },
      ],
      output: 'function f(ref) {\n  ref.deref()?.go();\n}',
    },
    {
      code: 'function f(ref: WeakRef<Node>) {\n  return ref.deref()!.parent;\n}',
      filename: 't.ts',
      ts: true,
      errors: [
        {
          messageId: 'nonNull',
          data: { value: 'ref.deref()' },
          line: 2,
          column: 10,
          endColumn: 21,
          severity: 'warning',
        },
      ],
      output: 'function f(ref: WeakRef<Node>) {\n  return ref.deref()?.parent;\n}',
    },
    {
      code: 'const ref = new WeakRef(el);\nref.deref().count = 1;',
      filename: 't.js',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'setting .count on it' },
          line: 2,
          column: 1,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const ref = new WeakRef(el);\nconst target = ref.deref();\nif (target !== undefined) {\n  target.count = 1;\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'const x = new WeakRef(o);\nx.deref().p;',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'x.deref()', use: 'reading .p on it' },
          line: 2,
          column: 1,
          endColumn: 10,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  target.p;\n}',
            },
          ],
        },
      ],
      output: 'const x = new WeakRef(o);\nx.deref()?.p;',
    },
    {
      code: 'const x = new WeakRef(o);\nx.deref()[k];',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'x.deref()', use: 'indexing it' },
          line: 2,
          column: 1,
          endColumn: 10,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  target[k];\n}',
            },
          ],
        },
      ],
      output: 'const x = new WeakRef(o);\nx.deref()?.[k];',
    },
    {
      code: 'const x = new WeakRef(o);\nnew (x.deref())();',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'x.deref()', use: 'using it with new' },
          line: 2,
          column: 6,
          endColumn: 15,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  new (target)();\n}',
            },
          ],
        },
      ],
    },
    {
      code: 'declare const x: WeakRef<{ p: number }>;\nx.deref()!.p;',
      ts: true,
      errors: [
        {
          messageId: 'nonNull',
          data: { value: 'x.deref()' },
          line: 2,
          column: 1,
          endColumn: 10,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read deref() once into a const and check it',
              output:
                'declare const x: WeakRef<{ p: number }>;\nconst target = x.deref();\nif (target !== undefined) {\n  target!.p;\n}',
            },
          ],
        },
      ],
      output: 'declare const x: WeakRef<{ p: number }>;\nx.deref()?.p;',
    },
    {
      code: 'type T = { p: number };\ndeclare const x: WeakRef<T>;\nconst t = x.deref() as T;',
      ts: true,
      errors: [
        {
          messageId: 'cast',
          data: { value: 'x.deref()' },
          line: 3,
          column: 11,
          endColumn: 20,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'function f() {\n  const t = ref.deref();\n  console.assert(t);\n  t.run();\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 4,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output: 'function f() {\n  const t = ref.deref();\n  console.assert(t);\n  t?.run();\n}',
    },
    {
      code: 'function f() {\n  if (ref.deref()) setTimeout(() => ref.deref().run());\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .run on it' },
          line: 2,
          column: 37,
          endColumn: 48,
          severity: 'warning',
        },
      ],
      output: 'function f() {\n  if (ref.deref()) setTimeout(() => ref.deref()?.run());\n}',
    },
    {
      code: "function f() {\n  if (!ref.deref()) return;\n  button.addEventListener('click', () => ref.deref().run());\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 'ref.deref()', use: 'reading .run on it' },
          line: 3,
          column: 42,
          endColumn: 53,
          severity: 'warning',
        },
      ],
      output:
        "function f() {\n  if (!ref.deref()) return;\n  button.addEventListener('click', () => ref.deref()?.run());\n}",
    },
    {
      code: 'function f() {\n  let t = ref.deref();\n  if (t) setTimeout(() => t.run());\n  t = ref.deref();\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 3,
          column: 27,
          endColumn: 28,
          severity: 'warning',
        },
      ],
      output: 'function f() {\n  let t = ref.deref();\n  if (t) setTimeout(() => t?.run());\n  t = ref.deref();\n}',
    },
    {
      code: 'function f() {\n  let t: Target | undefined;\n  while ((t = ref.deref())) {\n    t.tick();\n  }\n  t.done();\n}',
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .done on it' },
          line: 6,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        'function f() {\n  let t: Target | undefined;\n  while ((t = ref.deref())) {\n    t.tick();\n  }\n  t?.done();\n}',
    },
    {
      code: 'function f() {\n  const t = ref.deref();\n  if (t?.state === undefined) t.reset();\n}',
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .reset on it' },
          line: 3,
          column: 31,
          endColumn: 32,
          severity: 'warning',
        },
      ],
      output: 'function f() {\n  const t = ref.deref();\n  if (t?.state === undefined) t?.reset();\n}',
    },
    {
      code: "function f() {\n  const t = ref.deref();\n  if (t?.state !== 'open') t.reopen();\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .reopen on it' },
          line: 3,
          column: 28,
          endColumn: 29,
          severity: 'warning',
        },
      ],
      output: "function f() {\n  const t = ref.deref();\n  if (t?.state !== 'open') t?.reopen();\n}",
    },
    {
      code: "function f() {\n  const t = ref.deref();\n  if (t === undefined || t.dead) {\n    log('gone');\n  }\n  t.run();\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 6,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        "function f() {\n  const t = ref.deref();\n  if (t === undefined || t.dead) {\n    log('gone');\n  }\n  t?.run();\n}",
    },
    {
      code: "import assert from 'node:assert/strict';\nfunction f() {\n  const t = ref.deref();\n  assert.notEqual(t, null);\n  t.run();\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 5,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        "import assert from 'node:assert/strict';\nfunction f() {\n  const t = ref.deref();\n  assert.notEqual(t, null);\n  t?.run();\n}",
    },
    {
      code: 'function check(v: unknown): boolean {\n  return !!v;\n}\nfunction f() {\n  const t = ref.deref();\n  check(t);\n  t.run();\n}',
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 7,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        'function check(v: unknown): boolean {\n  return !!v;\n}\nfunction f() {\n  const t = ref.deref();\n  check(t);\n  t?.run();\n}',
    },
    {
      code: 'function assertMaybe(v: unknown): asserts v is object | undefined {}\nfunction f() {\n  const t = ref.deref();\n  assertMaybe(t);\n  t.run();\n}',
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 5,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        'function assertMaybe(v: unknown): asserts v is object | undefined {}\nfunction f() {\n  const t = ref.deref();\n  assertMaybe(t);\n  t?.run();\n}',
    },
    {
      code: 'function f() {\n  let t: Target | undefined;\n  while (!(t = ref.deref())) {\n    if (late()) break;\n  }\n  t.run();\n}',
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 6,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        'function f() {\n  let t: Target | undefined;\n  while (!(t = ref.deref())) {\n    if (late()) break;\n  }\n  t?.run();\n}',
    },
    {
      code: "function f() {\n  const t = ref.deref();\n  switch (t?.kind) {\n    case 'a':\n      t.run();\n    default:\n      t.stop();\n  }\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .stop on it' },
          line: 7,
          column: 7,
          endColumn: 8,
          severity: 'warning',
        },
      ],
      output:
        "function f() {\n  const t = ref.deref();\n  switch (t?.kind) {\n    case 'a':\n      t.run();\n    default:\n      t?.stop();\n  }\n}",
    },
    {
      code: "function f() {\n  let t: Target | undefined;\n  if ((t = ref.deref()) === undefined) log('gone');\n  t.run();\n}",
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 4,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        "function f() {\n  let t: Target | undefined;\n  if ((t = ref.deref()) === undefined) log('gone');\n  t?.run();\n}",
    },
    {
      code: "function f() {\n  const t = ref.deref();\n  if (t) {\n    log('alive');\n  } else {\n    log('gone');\n  }\n  t.run();\n}",
      errors: [
        {
          messageId: 'throws',
          data: { value: 't (from ref.deref())', use: 'reading .run on it' },
          line: 8,
          column: 3,
          endColumn: 4,
          severity: 'warning',
        },
      ],
      output:
        "function f() {\n  const t = ref.deref();\n  if (t) {\n    log('alive');\n  } else {\n    log('gone');\n  }\n  t?.run();\n}",
    },
    {
      // `<T>x` is `x as T` written the old way: a deref() stored through it is tracked the same.
      code: 'let o = <Target | undefined>ref.deref();\no = ref.deref();\no.run();',
      ts: true,
      errors: [
        {
          messageId: 'throws',
          data: { value: 'o (from ref.deref())', use: 'reading .run on it' },
          line: 3,
          column: 1,
          endColumn: 2,
          severity: 'warning',
        },
      ],
      output: 'let o = <Target | undefined>ref.deref();\no = ref.deref();\no?.run();',
    },
  ],
};

// Python: calling a weakref.ref returns None once the target is gone, so
// `r().attr`, `r()[k]` and `r()()` need a None check first.
const W = 'import weakref\n';
const R = `${W}r = weakref.ref(target)\n`;

const python: PyCases = {
  valid: [
    `${R}o = r()\nif o is not None:\n    print(o.name)`,
    `${R}o = r()\nif o:\n    o.close()`,
    `${R}def f():\n    o = r()\n    if o is None:\n        return\n    return o.name`,
    `${R}def f():\n    o = r()\n    if not o:\n        raise LookupError('gone')\n    o.close()`,
    `${R}o = r()\nassert o is not None\no.close()`,
    `${R}o = r()\nassert o\no.close()`,
    `${R}if (o := r()) is not None:\n    o.close()`,
    `${R}if (o := r()):\n    o.close()`,
    `${R}o = r()\nname = o and o.name`,
    `${R}o = r()\nname = o.name if o is not None else None`,
    `${R}o = r()\nname = None if o is None else o.name`,
    `${R}o = r()\nok = o is None or o.ready`,
    `${R}print(r() is None)`,
    `${R}x = r()\nprint(x)`,
    `${R}for i in range(3):\n    o = r()\n    if o is None:\n        continue\n    o.step()`,
    `${R}o = r()\nif o is None:\n    o = make()\no.close()`,
    `${R}o = r()\nif o is None:\n    pass\nelse:\n    o.close()`,
    `${R}o = r()\nif isinstance(o, Conn):\n    o.close()`,
    `${R}o = r()\nwhile o is not None:\n    o = o.next`,
    `${W}r = make_ref()\nr().close()`,
    `${W}def f(r):\n    return r().name`,
    `${W}p = weakref.proxy(target)\np.name`,
    `${R}o = r()\nif o is not None:\n    callbacks.append(lambda: o.close())`,
    `${R}o = r()\nif o is None or o.closed:\n    raise ValueError\no.close()`,
    `${W}m = weakref.WeakMethod(obj.f)\nf = m()\nif f is not None:\n    f()`,
    `${W}def f():\n    e = Element()\n    r = weakref.ref(e)\n    print(r().tag)\n    del e`,
    `${W}def f():\n    o = Obj()\n    r = weakref.WeakMethod(o.m)\n    return r()()`,
    // Annotations that do not say "a weak reference": an Optional, a None default, a literal value.
    `${W}from typing import Optional\ndef f(r: Optional[weakref.ref[Conn]]):\n    r().close()`,
    `${W}def f(r: weakref.ref[Conn] = None):\n    r().close()`,
    `${W}def f(r: 'weakref.ref[Conn] | None'):\n    r().close()`,
    `${W}def f(r: weakref.ref[Conn]):\n    o = r()\n    if o is not None:\n        o.close()`,
    `${W}def f(r: weakref.proxy):\n    r.close()`,
    `from mylib import ref\ndef f(r: ref[Conn]):\n    r().close()`,
    `${W}r: weakref.ref[Conn] = lambda: conn\nr().close()`,
    // A strong reference taken before the await keeps the target alive across it.
    `${R}async def f():\n    o = r()\n    if o is None:\n        return\n    await tick()\n    o.close()`,
  ],
  invalid: [
    // A check before an await does not cover a call after it: the target can die while waiting.
    marked(`${R}async def f():\n    if r() is None:\n        return\n    await tick()\n    «r()».close()`, {
      message: 'is called again after its check',
      messageId: 'calledAgain',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}async def f():\n    if r() is not None:\n        await tick()\n        «r()».close()`, {
      message: 'is called again after its check',
      messageId: 'calledAgain',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${W}def f(r: weakref.ref[Conn]):\n    «r()».close()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${W}def f(r: weakref.ReferenceType[Conn]):\n    «r()».close()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`from weakref import ref\ndef f(r: 'ref[Conn]'):\n    «r()».close()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`from weakref import WeakMethod\ndef f(m: WeakMethod[Callable[[], None]]):\n    «m()»()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'm', use: 'called' },
    }),
    marked(`${W}r: weakref.ref[Conn] = make_ref()\n«r()».close()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(
      `${W}class Pool:\n    def __init__(self, conn):\n        self.r: weakref.ref[Conn] = make_ref(conn)\n    def close(self):\n        «self.r()».close()`,
      { message: 'returns None', messageId: 'resultUnchecked', data: { ref: 'self.r', use: 'read an attribute of' } },
    ),
    marked(`${W}class Pool:\n    r: 'weakref.ref[Conn]'\n    def close(self):\n        «self.r()».close()`, {
      message: 'returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'self.r', use: 'read an attribute of' },
    }),
    // No KeepDuringJob in Python: the target can die between the check and the second call.
    marked(`${R}if r() is not None:\n    print(«r()».name)`, {
      message: 'is called again after its check',
      messageId: 'calledAgain',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}if r():\n    «r()».close()`, {
      message: 'is called again after its check',
      messageId: 'calledAgain',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}«r()».close()`, {
      message:
        'r() returns None once the target has been collected, and the code has read an attribute of the result without a None check',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}print(«r()»['key'])`, {
      message: 'has subscripted the result without a None check',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'subscripted' },
    }),
    marked(`${W}m = weakref.WeakMethod(obj.f)\n«m()»()`, {
      message: 'm() returns None once the target has been collected, and the code has called the result',
      messageId: 'resultUnchecked',
      data: { ref: 'm', use: 'called' },
    }),
    marked(`${R}o = r()\nprint(«o».name)`, {
      message:
        'o comes from r(), which returns None once the target has been collected, and the code has read an attribute of it without a None check',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    markedWithFix(
      `${R}def f():\n    «r()».close()  # done`,
      `${R}def f():\n    obj = r()\n    if obj is not None:\n        obj.close()  # done`,
      { message: 'r() returns None', messageId: 'resultUnchecked', data: { ref: 'r', use: 'read an attribute of' } },
    ),
    // Tabs, a name `obj` already taken, and a second call after a check (nested in the if).
    markedWithFix(
      `${R}def f(obj):\n\tif r():\n\t\t«r()».send(obj)`,
      `${R}def f(obj):\n\tif r():\n\t\tobj_1 = r()\n\t\tif obj_1 is not None:\n\t\t\tobj_1.send(obj)`,
      {
        message: 'is called again after its check',
        messageId: 'calledAgain',
        data: { ref: 'r', use: 'read an attribute of' },
      },
    ),
    // Not offered: at module level, as part of an assignment, or with another statement on the line.
    markedWithFix(`${R}«r()».close()`, null, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    markedWithFix(`${R}def f():\n    x = «r()».name\n    return x`, null, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    markedWithFix(`${R}def f():\n    «r()».close(); print(1)`, null, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    markedWithFix(
      `${R}def f():\n    o = r()\n    «o».close()`,
      `${R}def f():\n    o = r()\n    if o is None:\n        return\n    o.close()`,
      {
        message: 'o comes from r()',
        messageId: 'variableUnchecked',
        data: { name: 'o', ref: 'r', use: 'read an attribute of' },
      },
    ),
    marked(`${R}o = r()\nif o is None:\n    print('gone')\n«o».close()`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}o = r()\nif o is not None:\n    pass\n«o».close()`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}o = r()\nif o is None:\n    «o».close()`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}o = r()\nx = «o».a if flag else None`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}o = r()\nx = o or «o».a`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${W}from weakref import ref\nwr = ref(target)\n«wr()».name`, {
      message: 'wr() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'wr', use: 'read an attribute of' },
    }),
    marked(
      `${W}class Node:\n    def __init__(self, parent):\n        self._parent = weakref.ref(parent)\n    def name(self):\n        return «self._parent()».name`,
      {
        message: 'self._parent() returns None',
        messageId: 'resultUnchecked',
        data: { ref: 'self._parent', use: 'read an attribute of' },
      },
    ),
    marked(`${R}if r() is not None:\n    def later():\n        return «r()».name`, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${R}o = r()\nif flag:\n    «o».close()\nelif o is None:\n    pass`, {
      message: 'o comes from r()',
      messageId: 'variableUnchecked',
      data: { name: 'o', ref: 'r', use: 'read an attribute of' },
    }),
    marked(
      `${R}o = r()\n«o».a\n«o».b`,
      {
        message: 'o comes from r()',
        messageId: 'variableUnchecked',
        data: { name: 'o', ref: 'r', use: 'read an attribute of' },
      },
      {
        message: 'o comes from r()',
        messageId: 'variableUnchecked',
        data: { name: 'o', ref: 'r', use: 'read an attribute of' },
      },
    ),
    marked(`${W}def f():\n    e = Element()\n    r = weakref.ref(e)\n    del e\n    print(«r()».tag)`, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(`${W}def f():\n    e = Element()\n    r = weakref.ref(e)\n    e = None\n    print(«r()».tag)`, {
      message: 'r() returns None',
      messageId: 'resultUnchecked',
      data: { ref: 'r', use: 'read an attribute of' },
    }),
    marked(
      `${W}def f(items):\n    e = Element()\n    r = weakref.ref(e)\n    for i in items:\n        print(«r()».tag)\n        del e`,
      { message: 'r() returns None', messageId: 'resultUnchecked', data: { ref: 'r', use: 'read an attribute of' } },
    ),
  ],
};

export const cases: RuleCaseTables = { javascript, python };

// unsafe-deref: generated from reviewed cases, then kept by hand: each case states what the rule must do.
// Shared by the engine's tests and ESLint's RuleTester (see ./types.ts).
import type { RuleCases } from './types';

export const cases: RuleCases = {
  valid: [
    "const ref = new WeakRef(obj);\nref.deref()?.name;",
    "const ref = new WeakRef(obj);\nconst name = ref.deref() ?? fallback;",
    "const ref = new WeakRef(obj);\nif (ref.deref() === undefined) cleanup();",
    "const ref = new WeakRef(obj);\nuse(ref.deref());",
    "function get(ref) { return ref.deref(); }",
    "const ref = new WeakRef(obj);\nconst o = ref.deref();\nif (o) o.run();",
    "const ref = new WeakRef(obj);\nconst o = ref.deref();\nif (o !== undefined) { o.run(); }",
    "function f(ref) {\n  const o = ref.deref();\n  if (!o) return;\n  o.run();\n}",
    "function f(ref) {\n  const o = ref.deref();\n  if (!o) throw new Error('gone');\n  o.run();\n}",
    "for (const ref of refs) {\n  const o = ref.deref();\n  if (!o) continue;\n  o.run();\n}",
    "for (const ref of refs) {\n  const o = ref.deref();\n  if (o === undefined) break;\n  o.run();\n}",
    "const o = ref.deref();\no && o.run();",
    "const o = ref.deref();\nconst n = o ? o.name : 'none';",
    "const o = ref.deref();\nif (typeof o !== 'undefined') o.run();",
    "const o = ref.deref();\nif (o != null) o.run();",
    "const o = ref.deref();\nif (o == null) { return; }\no.run();",
    "const o = ref.deref();\nif (!(o === undefined)) o.run();",
    "if (ref.deref()) {\n  ref.deref().run();\n}",
    "if (ref.deref() !== undefined) ref.deref().run();",
    "ref.deref() && ref.deref().run();",
    "function f() {\n  if (!this.ref.deref()) return;\n  this.ref.deref().run();\n}",
    "async function f(ref) {\n  const o = ref.deref();\n  if (!o) return;\n  await later();\n  o.run();\n}",
    "const o = ref.deref();\nif (o?.ready) o.start();",
    "const o = ref.deref();\nif (o instanceof Widget) o.render();",
    "const m = new Map();\nm.deref().x;",
    "import { atom } from 'lib';\nconst a = atom(1);\nconst box = { deref() { return 1; } };\nbox.deref().toFixed();",
    "class Box { deref() { return this; } }\nconst b = new Box();\nb.deref().x;",
    "const ref = new WeakRef(obj);\nconst { a } = ref.deref() ?? {};",
    "const ref = new WeakRef(obj);\nconst copy = { ...ref.deref() };",
    "const ref = new WeakRef(obj);\nwhile (ref.deref()) { ref.deref().tick(); }",
    "const o = ref.deref();\nconst v = o && o.a && o.a.b;",
    { code: "function f(cache: Cache) { return cache.deref().x; }", ts: true },
    "const ref = new WeakRef(obj);\nlet o = ref.deref();\no = o ?? make();\no.run();",
    "const x = new WeakRef(o);\nx.deref()?.p;",
    "const x = new WeakRef(o);\nconst v = x.deref() ?? d;",
    "const x = new WeakRef(o);\nif (x.deref() === undefined) {}",
    "const x = new WeakRef(o);\nconst c = x.deref();\nif (c) { c.p; }",
  ],
  invalid: [
    {
      code: "const ref = new WeakRef(obj);\nref.deref().name;",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and reading .name on it then throws a TypeError", line: 2, column: 1, endColumn: 12, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target.name;\n}" }] },
      ],
      output: "const ref = new WeakRef(obj);\nref.deref()?.name;",
    },
    {
      code: "const ref = new WeakRef(obj);\nref.deref()['name'];",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and indexing it then throws a TypeError", line: 2, column: 1, endColumn: 12, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target['name'];\n}" }] },
      ],
      output: "const ref = new WeakRef(obj);\nref.deref()?.['name'];",
    },
    {
      code: "const ref = new WeakRef(obj);\nref.deref()();",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and calling it then throws a TypeError", line: 2, column: 1, endColumn: 12, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target();\n}" }] },
      ],
      output: "const ref = new WeakRef(obj);\nref.deref()?.();",
    },
    {
      code: "const ref = new WeakRef(Ctor);\nnew (ref.deref())();",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and using it with new then throws a TypeError", line: 2, column: 6, endColumn: 17, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(Ctor);\nconst target = ref.deref();\nif (target !== undefined) {\n  new (target)();\n}" }] },
      ],
    },
    {
      code: "const ref = new WeakRef(obj);\nconst { a, b } = ref.deref();",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and destructuring it then throws a TypeError", line: 2, column: 18, endColumn: 29, severity: "warning" },
      ],
    },
    {
      code: "const ref = new WeakRef(list);\nconst all = [...ref.deref()];",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and spreading it then throws a TypeError", line: 2, column: 17, endColumn: 28, severity: "warning" },
      ],
    },
    {
      code: "const ref = new WeakRef(list);\nfor (const x of ref.deref()) {}",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and iterating it with for…of then throws a TypeError", line: 2, column: 17, endColumn: 28, severity: "warning" },
      ],
    },
    {
      code: "const ref = new WeakRef(obj);\nif ('k' in ref.deref()) {}",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and using it on the right of in then throws a TypeError", line: 2, column: 12, endColumn: 23, severity: "warning" },
      ],
    },
    {
      code: "const ref = new WeakRef(obj);\nref.deref()!.name;",
      ts: true,
      errors: [
        { message: "ref.deref()! hides that deref() returns undefined once the target has been collected", line: 2, column: 1, endColumn: 12, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(obj);\nconst target = ref.deref();\nif (target !== undefined) {\n  target!.name;\n}" }] },
      ],
      output: "const ref = new WeakRef(obj);\nref.deref()?.name;",
    },
    {
      code: "interface User { name: string }\nconst ref = new WeakRef<User>(u);\nconst user = ref.deref() as User;",
      ts: true,
      errors: [
        { message: "casting ref.deref() to a type without undefined hides that deref() returns undefined once the target has been collected", line: 3, column: 14, endColumn: 25, severity: "warning" },
      ],
    },
    {
      code: "function f(ref) {\n  const o = ref.deref();\n  return o.name;\n}",
      errors: [
        { message: "o (from ref.deref()) is undefined once the target has been collected, and reading .name on it then throws a TypeError", line: 3, column: 10, endColumn: 11, severity: "warning" },
      ],
      output: "function f(ref) {\n  const o = ref.deref();\n  return o?.name;\n}",
    },
    {
      code: "function f(ref) {\n  const o = ref.deref();\n  if (o) log(o);\n  o.run();\n}",
      errors: [
        { message: "o (from ref.deref()) is undefined once the target has been collected, and reading .run on it then throws a TypeError", line: 4, column: 3, endColumn: 4, severity: "warning" },
      ],
      output: "function f(ref) {\n  const o = ref.deref();\n  if (o) log(o);\n  o?.run();\n}",
    },
    {
      code: "async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    ref.deref().run();\n  }\n}",
      errors: [
        { message: "ref.deref() was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined", line: 4, column: 5, endColumn: 16, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    const target = ref.deref();\n    if (target !== undefined) {\n      target.run();\n    }\n  }\n}" }] },
      ],
      output: "async function f(ref) {\n  if (ref.deref()) {\n    await tick();\n    ref.deref()?.run();\n  }\n}",
    },
    {
      code: "async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  ref.deref().run();\n}",
      errors: [
        { message: "ref.deref() was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined", line: 4, column: 3, endColumn: 14, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  const target = ref.deref();\n  if (target !== undefined) {\n    target.run();\n  }\n}" }] },
      ],
      output: "async function f(ref) {\n  if (!ref.deref()) return;\n  await tick();\n  ref.deref()?.run();\n}",
    },
    {
      code: "function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    ref.deref().run();\n  }\n}",
      errors: [
        { message: "ref.deref() was checked before an await or yield, but the target can be collected while waiting (deref() results are only kept alive until the job ends): this deref() can return undefined", line: 4, column: 5, endColumn: 16, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    const target = ref.deref();\n    if (target !== undefined) {\n      target.run();\n    }\n  }\n}" }] },
      ],
      output: "function* g(ref) {\n  if (ref.deref()) {\n    yield 1;\n    ref.deref()?.run();\n  }\n}",
    },
    {
      code: "class Watcher {\n  constructor(target) { this.ref = new WeakRef(target); }\n  poke() { this.ref.deref().poke(); }\n}",
      errors: [
        { message: "this.ref.deref() is undefined once the target has been collected, and reading .poke on it then throws a TypeError", line: 3, column: 12, endColumn: 28, severity: "warning" },
      ],
      output: "class Watcher {\n  constructor(target) { this.ref = new WeakRef(target); }\n  poke() { this.ref.deref()?.poke(); }\n}",
    },
    {
      code: "const ref = new WeakRef(obj);\nfunction show() {\n  console.log(ref.deref().title);\n}",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and reading .title on it then throws a TypeError", line: 3, column: 15, endColumn: 26, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(obj);\nfunction show() {\n  const target = ref.deref();\n  if (target !== undefined) {\n    console.log(target.title);\n  }\n}" }] },
      ],
      output: "const ref = new WeakRef(obj);\nfunction show() {\n  console.log(ref.deref()?.title);\n}",
    },
    {
      code: "const ref = new WeakRef(obj);\nif (other) ref.deref().run();",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and reading .run on it then throws a TypeError", line: 2, column: 12, endColumn: 23, severity: "warning" },
      ],
      output: "const ref = new WeakRef(obj);\nif (other) ref.deref()?.run();",
    },
    {
      code: "const ref = new WeakRef(obj);\nif (ref.deref() !== null) ref.deref().run();",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and reading .run on it then throws a TypeError", line: 2, column: 27, endColumn: 38, severity: "warning" },
      ],
      output: "const ref = new WeakRef(obj);\nif (ref.deref() !== null) ref.deref()?.run();",
    },
    {
      code: "const o = ref.deref();\nif (o) {}\nconst { x } = o;",
      errors: [
        { message: "o (from ref.deref()) is undefined once the target has been collected, and destructuring it then throws a TypeError", line: 3, column: 15, endColumn: 16, severity: "warning" },
      ],
    },
    {
      code: "const o = ref.deref();\nfor (const item of o) {}",
      errors: [
        { message: "o (from ref.deref()) is undefined once the target has been collected, and iterating it with for…of then throws a TypeError", line: 2, column: 20, endColumn: 21, severity: "warning" },
      ],
    },
    {
      code: "function f(ref) {\n  ref.deref().go();\n}",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and reading .go on it then throws a TypeError", line: 2, column: 3, endColumn: 14, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "function f(ref) {\n  const target = ref.deref();\n  if (target !== undefined) {\n    target.go();\n  }\n}" }] },
      ],
      output: "function f(ref) {\n  ref.deref()?.go();\n}",
    },
    {
      code: "function f(ref: WeakRef<Node>) {\n  return ref.deref()!.parent;\n}",
      filename: "t.ts",
      ts: true,
      errors: [
        { message: "ref.deref()! hides that deref() returns undefined once the target has been collected", line: 2, column: 10, endColumn: 21, severity: "warning" },
      ],
      output: "function f(ref: WeakRef<Node>) {\n  return ref.deref()?.parent;\n}",
    },
    {
      code: "const ref = new WeakRef(el);\nref.deref().count = 1;",
      filename: "t.js",
      errors: [
        { message: "ref.deref() is undefined once the target has been collected, and setting .count on it then throws a TypeError", line: 2, column: 1, endColumn: 12, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const ref = new WeakRef(el);\nconst target = ref.deref();\nif (target !== undefined) {\n  target.count = 1;\n}" }] },
      ],
    },
    {
      code: "const x = new WeakRef(o);\nx.deref().p;",
      errors: [
        { message: "x.deref() is undefined once the target has been collected, and reading .p on it then throws a TypeError", line: 2, column: 1, endColumn: 10, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  target.p;\n}" }] },
      ],
      output: "const x = new WeakRef(o);\nx.deref()?.p;",
    },
    {
      code: "const x = new WeakRef(o);\nx.deref()[k];",
      errors: [
        { message: "x.deref() is undefined once the target has been collected, and indexing it then throws a TypeError", line: 2, column: 1, endColumn: 10, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  target[k];\n}" }] },
      ],
      output: "const x = new WeakRef(o);\nx.deref()?.[k];",
    },
    {
      code: "const x = new WeakRef(o);\nnew (x.deref())();",
      errors: [
        { message: "x.deref() is undefined once the target has been collected, and using it with new then throws a TypeError", line: 2, column: 6, endColumn: 15, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "const x = new WeakRef(o);\nconst target = x.deref();\nif (target !== undefined) {\n  new (target)();\n}" }] },
      ],
    },
    {
      code: "declare const x: WeakRef<{ p: number }>;\nx.deref()!.p;",
      ts: true,
      errors: [
        { message: "x.deref()! hides that deref() returns undefined once the target has been collected", line: 2, column: 1, endColumn: 10, severity: "warning", suggestions: [{ desc: "Read deref() once into a const and check it", output: "declare const x: WeakRef<{ p: number }>;\nconst target = x.deref();\nif (target !== undefined) {\n  target!.p;\n}" }] },
      ],
      output: "declare const x: WeakRef<{ p: number }>;\nx.deref()?.p;",
    },
    {
      code: "type T = { p: number };\ndeclare const x: WeakRef<T>;\nconst t = x.deref() as T;",
      ts: true,
      errors: [
        { message: "casting x.deref() to a type without undefined hides that deref() returns undefined once the target has been collected", line: 3, column: 11, endColumn: 20, severity: "warning" },
      ],
    },
  ],
};

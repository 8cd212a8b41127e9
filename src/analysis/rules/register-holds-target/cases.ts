// register-holds-target: generated from reviewed cases, then kept by hand: each case states what the rule must do.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'const registry = new FinalizationRegistry(() => {});\nfunction mount(root, adapter) {\n  const other = { value: adapter };\n  registry.register(root, { other });\n}',
    'const reg = new FinalizationRegistry((id) => close(id));\nreg.register(conn, conn.id);',
    "const reg = new FinalizationRegistry(() => {});\nreg.register(obj, 'label');",
    'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, { id: obj.id });',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, [obj.id, obj.name]);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(a, b);',
    "const reg = new FinalizationRegistry(() => {});\nreg.register(obj, () => console.log('gone'));",
    'const reg = new FinalizationRegistry(() => {});\nconst handle = obj.handle;\nreg.register(obj, () => release(handle));',
    "const reg = new FinalizationRegistry(() => {});\nreg.register(obj, 'held', obj);",
    'const reg = new FinalizationRegistry((h) => h.close());\nreg.register(file, file.handle);',
    'const m = new Map();\nm.register?.(x, x);',
    'class R { register(a, b) {} }\nconst r = new R();\nr.register(x, x);',
    'function f(reg) { reg.register(x, x); }',
    'const reg = new FinalizationRegistry(() => {});\nfunction track(o) { reg.register(o, o.id); }',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(this.a, this.b);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(x, { x: y });',
    "let conn = open();\nconst reg = new FinalizationRegistry(() => conn.close());\nreg.register(conn, 'c');\nconn = null;",
    'const reg = new FinalizationRegistry((held) => held.release());\nreg.register(target, { release: () => free(id) });',
    "const reg = new FinalizationRegistry(() => log('closed'));\nreg.register(sock, 1);",
    'const reg = new FinalizationRegistry(cleanup);\nfunction cleanup(h) { free(h); }\nreg.register(res, res.h);',
    'const reg = new FinalizationRegistry(() => {});\nfor (const item of items) reg.register(item, item.key);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, { ...obj });',
    'function FinalizationRegistry() {}\nconst reg = new FinalizationRegistry();\nreg.register(o, o);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(objA, { other: objB });',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(node, node.parent);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(node, `${node.id}`);',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(o, function () { return 1; });',
    'function f(FinalizationRegistry) {\n  const registry = new FinalizationRegistry(() => {});\n  registry.register(o, o);\n}',
    "const registry = new globalThis.FinalizationRegistry(() => {});\nregistry.register(o, 'o');",
  ],
  invalid: [
    {
      code: 'const registry = new FinalizationRegistry(() => {});\nfunction mount(root, adapter) {\n  const ret = { value: root };\n  registry.register(root, { adapter, ret });\n}',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 4,
          column: 27,
          endColumn: 43,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      code: 'const registry = new FinalizationRegistry(() => {});\nfunction track(node) {\n  const path = [[node]];\n  registry.register(node, path);\n}',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 4,
          column: 27,
          endColumn: 31,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, obj);',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 22,
          severity: 'error',
        },
      ],
    },
    {
      code: "const reg = new FinalizationRegistry(() => {});\nconst file = open();\nreg.register(file, { file, name: 'log.txt' });",
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 3,
          column: 20,
          endColumn: 45,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, [obj]);',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 24,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, { nested: { deeper: [obj] } });',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 48,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nconst conn = connect();\nreg.register(conn, () => conn.close());',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 3,
          column: 20,
          endColumn: 38,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry((cb) => cb());\nconst conn = connect();\nreg.register(conn, function () { conn.close(); });',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 3,
          column: 20,
          endColumn: 49,
          severity: 'warning',
        },
      ],
    },
    {
      code: "const conn = connect();\nconst reg = new FinalizationRegistry(() => conn.close());\nreg.register(conn, 'c');",
      errors: [
        {
          messageId: 'callbackReachesTarget',
          data: { target: 'conn' },
          line: 3,
          column: 14,
          endColumn: 18,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(onGone);\nconst res = acquire();\nfunction onGone() { res.release(); }\nreg.register(res, 1);',
      errors: [
        {
          messageId: 'callbackReachesTarget',
          data: { target: 'res' },
          line: 4,
          column: 14,
          endColumn: 17,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'class Pool {\n  #reg = new FinalizationRegistry(() => {});\n  add(item) { this.#reg.register(item, item); }\n}',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 3,
          column: 40,
          endColumn: 44,
          severity: 'error',
        },
      ],
    },
    {
      code: 'class Conn {\n  constructor(reg) {\n    this.reg = new FinalizationRegistry(() => {});\n    this.reg.register(this, this);\n  }\n}',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 4,
          column: 29,
          endColumn: 33,
          severity: 'error',
        },
      ],
    },
    {
      code: 'class Conn {\n  constructor() {\n    this.reg = new FinalizationRegistry(() => {});\n    this.reg.register(this, () => this.close());\n  }\n}',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 4,
          column: 29,
          endColumn: 47,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, { get self() { return obj; } });',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 49,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register((obj), (obj));',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 2,
          column: 21,
          endColumn: 26,
          severity: 'error',
        },
      ],
    },
    {
      code: 'declare const reg: FinalizationRegistry<unknown>;\nreg.register(obj, { obj });',
      ts: true,
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 26,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nfunction track(o) { reg.register(o, { o, at: Date.now() }); }',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 37,
          endColumn: 58,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, [1, 2, obj]);',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 19,
          endColumn: 30,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const reg = globalThis.FinalizationRegistry && new globalThis.FinalizationRegistry(() => {});\nconst r2 = new globalThis.FinalizationRegistry(() => {});\nr2.register(o, o);',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 3,
          column: 16,
          endColumn: 17,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const registry = new FinalizationRegistry(() => {});\nconst t = {};\nregistry.register(t, t);',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 3,
          column: 22,
          endColumn: 23,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const FR = FinalizationRegistry;\nconst registry = new FR(() => {});\nregistry.register(o, o);',
      errors: [
        {
          messageId: 'heldIsTarget',
          data: {},
          line: 3,
          column: 22,
          endColumn: 23,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const o = {};\nconst registry = Reflect.construct(FinalizationRegistry, [() => o.close()]);\nregistry.register(o, 1);',
      errors: [
        {
          messageId: 'callbackReachesTarget',
          data: { target: 'o' },
          line: 3,
          column: 19,
          endColumn: 20,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const registry = new self.FinalizationRegistry(() => {});\nregistry.register(o, { owner: o });',
      errors: [
        {
          messageId: 'heldReachesTarget',
          data: {},
          line: 2,
          column: 22,
          endColumn: 34,
          severity: 'warning',
        },
      ],
    },
  ],
};

// Python: weakref.finalize keeps its callback and arguments alive, so
// one that reaches the object keeps it alive until interpreter exit.
const W = 'import weakref\n';
const F = `${W}class File:\n    def close(self):\n        pass\n    @staticmethod\n    def cleanup(handle):\n        pass\n`;

const python: PyCases = {
  valid: [
    `${W}weakref.finalize(obj, print, 'gone')`,
    `${F}f = File()\nweakref.finalize(f, File.cleanup, f.handle)`,
    `${F}f = File()\nweakref.finalize(f, f.cleanup, 1)`,
    `${F}f = File()\nweakref.finalize(f, f.handle.close)`,
    `${W}def close(h):\n    h.close()\nweakref.finalize(obj, close, obj.handle)`,
    `${W}weakref.finalize(obj, other.close)`,
    `${W}weakref.finalize(obj, lambda: print('gone'))`,
    `${W}weakref.finalize(obj, lambda obj: obj.close(), handle)`,
    `${W}def f(obj):\n    weakref.finalize(obj, lambda h=None: h)`,
    `${W}weakref.finalize(obj, print, obj.name)`,
    `${W}weakref.finalize(obj, print, [obj.name])`,
    `${W}weakref.finalize(obj, print, weakref.ref(obj))`,
    `${W}weakref.ref(obj, obj.close)`,
    `${W}def finalize(o, f):\n    pass\nfinalize(obj, obj.close)`,
    `${W}def cb():\n    print('done')\nweakref.finalize(obj, cb)`,
    `${W}def f(obj):\n    def cb():\n        print('done')\n    weakref.finalize(obj, cb)`,
    `${W}class M:\n    def __init__(self):\n        self.file = open('x')\n        self._f = weakref.finalize(self, M._cleanup, self.file)\n    @staticmethod\n    def _cleanup(fh):\n        fh.close()`,
    `${W}class M:\n    def __init__(self):\n        self._f = weakref.finalize(self, self._cleanup, self.file)\n    @staticmethod\n    def _cleanup(fh):\n        fh.close()`,
    `${W}weakref.finalize(a, b.close, c)`,
    `${W}weakref.finalize(obj, print, *args)`,
    `${W}weakref.finalize(obj, functools.partial(print, 'x'))`,
    // Through a local: only a display that holds the target itself, bound once.
    `${W}ctx = {'name': obj.name}\nweakref.finalize(obj, print, ctx)`,
    `${W}ctx = [obj]\nctx = []\nweakref.finalize(obj, print, ctx)`,
    `${W}ctx = make(obj)\nweakref.finalize(obj, print, ctx)`,
  ],
  invalid: [
    marked(`${W}ctx = {'obj': obj}\nweakref.finalize(obj, print, «ctx»)`, {
      message: 'ctx, a dict holding obj',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'ctx, a dict holding obj', target: 'obj' },
    }),
    marked(`${W}inner = [obj]\nouter = (1, inner)\nweakref.finalize(obj, print, «outer»)`, {
      message: 'outer, a tuple holding obj',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'outer, a tuple holding obj', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, «obj.close»)`, {
      message:
        'weakref.finalize holds its callback strongly, and obj.close, a bound method of obj: obj is never collected',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'weakref.finalize', how: 'obj.close, a bound method of obj', target: 'obj' },
    }),
    marked(`${F}f = File()\nweakref.finalize(f, «f.close»)`, {
      message: 'f.close, a bound method of f',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'weakref.finalize', how: 'f.close, a bound method of f', target: 'f' },
    }),
    marked(`${W}weakref.finalize(obj, print, «obj»)`, {
      message: 'holds its arguments strongly, and obj itself',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'obj itself', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, «lambda: obj.close()»)`, {
      message: 'a lambda that uses obj',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'weakref.finalize', how: 'a lambda that uses obj', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, print, «[obj]»)`, {
      message: 'a list holding obj',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'a list holding obj', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, print, «(1, obj)»)`, {
      message: 'a tuple holding obj',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'a tuple holding obj', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, print, «{'o': obj}»)`, {
      message: 'a dict holding obj',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'a dict holding obj', target: 'obj' },
    }),
    marked(`${W}weakref.finalize(obj, print, key=«obj»)`, {
      message: 'obj itself',
      messageId: 'finalizeArgumentReachesTarget',
      data: { api: 'weakref.finalize', how: 'obj itself', target: 'obj' },
    }),
    marked(`${W}def f(obj):\n    def cb():\n        obj.close()\n    weakref.finalize(obj, «cb»)`, {
      message: 'cb(), a function that uses obj',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'weakref.finalize', how: 'cb(), a function that uses obj', target: 'obj' },
    }),
    marked(`from weakref import finalize\nfinalize(obj, «obj.close»)`, {
      message: 'finalize holds its callback strongly',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'finalize', how: 'obj.close, a bound method of obj', target: 'obj' },
    }),
    marked(`import weakref as wr\nwr.finalize(obj, «functools.partial(print, obj)»)`, {
      message: 'a partial holding obj',
      messageId: 'finalizeCallbackReachesTarget',
      data: { api: 'wr.finalize', how: 'a partial holding obj', target: 'obj' },
    }),
    marked(
      `${W}class Conn:\n    def __init__(self):\n        self._f = weakref.finalize(self, «self.close»)\n    def close(self):\n        pass`,
      {
        message: 'self.close, a bound method of self',
        messageId: 'finalizeCallbackReachesTarget',
        data: { api: 'weakref.finalize', how: 'self.close, a bound method of self', target: 'self' },
      },
    ),
    marked(
      `${W}weakref.finalize(obj, «obj.close», «obj»)`,
      {
        message: 'obj.close, a bound method of obj',
        messageId: 'finalizeCallbackReachesTarget',
        data: { api: 'weakref.finalize', how: 'obj.close, a bound method of obj', target: 'obj' },
      },
      {
        message: 'obj itself',
        messageId: 'finalizeArgumentReachesTarget',
        data: { api: 'weakref.finalize', how: 'obj itself', target: 'obj' },
      },
    ),
  ],
};

export const cases: RuleCaseTables = { javascript, python };

// invalid-weak-target: generated from reviewed cases, then kept by hand: each case states what the rule must do.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'const wm = new WeakMap(); wm.set({}, 1);',
    'const wm = new WeakMap(); const key = {}; wm.set(key, 1); wm.get(key);',
    'const ws = new WeakSet(); ws.add([1, 2]);',
    'const ws = new WeakSet(); ws.add(function () {});',
    'const ws = new WeakSet(); ws.add(/re/);',
    'class Point {} const ws = new WeakSet(); ws.add(new Point());',
    "const ws = new WeakSet(); ws.add(Symbol('local'));",
    'const ws = new WeakSet(); ws.add(Symbol.iterator);',
    "const wm = new WeakMap(); wm.set(Symbol('x'), 1);",
    "const r = new WeakRef(Symbol('token'));",
    "const m = new Map(); m.set('a', 1); m.get(2);",
    "const s = new Set(); s.add('x');",
    "function f(wm) { wm.set('k', 1); }",
    'function f(x) { new WeakRef(x); }',
    "class WeakMap { set(k, v) {} } const wm = new WeakMap(); wm.set('k', 1);",
    'function g(WeakRef) { return new WeakRef(1); }',
    "import { WeakRef } from 'weakref-polyfill'; new WeakRef(1);",
    "let wm = new WeakMap(); wm = new Map(); wm.set('k', 1);",
    "const wm = new WeakMap(); let key = 'a'; key = {}; wm.set(key, 1);",
    "const wm = new WeakMap(); wm.set(Object('a'), 1);",
    'const wm = new WeakMap(); wm.set(getKey(), 1);',
    "const r = new FinalizationRegistry(() => {}); r.register({}, 'held', undefined);",
    "const r = new FinalizationRegistry(() => {}); r.register({}, 'held', void 0);",
    'const r = new FinalizationRegistry(() => {}); const token = {}; r.register({}, 1, token); r.unregister(token);',
    "const r = new FinalizationRegistry(() => {}); r.register({}, 'a primitive held value is fine');",
    'const wm = new WeakMap(); wm.set(cond ? {} : [], 1);',
    'const wm = new WeakMap(); wm.set(a || {}, 1);',
    "const wm = new WeakMap(); wm.set(new String('boxed'), 1);",
    "const o = { set(k, v) {} }; o.set('k', 1);",
    { code: 'const wm: WeakMap<object, number> = new WeakMap(); wm.set(obj, 1);', ts: true },
    'const ws = new WeakSet(); ws.add(...items);',
    'const wm = new WeakMap([[{}, 1], [key, 2]]);',
    'const ws = new WeakSet([{}, [], () => {}]);',
    "new WeakRef(Symbol('a'));",
    'new WeakRef(Symbol.iterator);',
    "new WeakMap().set(Symbol('x'), 1);",
    'new WeakMap().get(obj);',
    'function f(WeakRef) {\n  const W = WeakRef;\n  new W(1);\n}',
    'function f(globalThis) {\n  const m = new globalThis.WeakMap();\n  m.set(1, 2);\n}',
    'let W = WeakRef;\nW = Map;\nconst m = new W();\nm.set(1, 2);',
    'const { WeakMap: WM } = realm;\nconst m = new WM();\nm.set(1, 2);',
    "const { WeakMap: WM = Map } = options;\nnew WM().set('k', 1);",
    'Reflect.construct(WeakRef, args);',
    'function f(Reflect) {\n  Reflect.construct(WeakRef, [1]);\n}',
    'const W = WeakRef;\nnew W(obj);',
    'const m = Reflect.construct(Map, []);\nm.set(1, 2);',
  ],
  invalid: [
    {
      code: "const ws = new WeakSet();\nws.add('user-1');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 16,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: "const ws = new Set();\nws.add('user-1');",
            },
          ],
        },
      ],
    },
    {
      code: "const wm = new WeakMap();\nwm.set(42, 'answer');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a number' },
          line: 2,
          column: 8,
          endColumn: 10,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "const wm = new Map();\nwm.set(42, 'answer');",
            },
          ],
        },
      ],
    },
    {
      code: "class Cache {\n  byUrl = new WeakMap();\n  put() {\n    this.byUrl.set('home', 1);\n  }\n}",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 4,
          column: 20,
          endColumn: 26,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "class Cache {\n  byUrl = new Map();\n  put() {\n    this.byUrl.set('home', 1);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "class Cache {\n  constructor() {\n    this.byUrl = new WeakMap();\n  }\n  put() {\n    this.byUrl.set('home', 1);\n  }\n}",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 6,
          column: 20,
          endColumn: 26,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output:
                "class Cache {\n  constructor() {\n    this.byUrl = new Map();\n  }\n  put() {\n    this.byUrl.set('home', 1);\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "class Cache {\n  #byUrl = new WeakMap();\n  put() {\n    this.#byUrl.set('home', 1);\n  }\n}",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 4,
          column: 21,
          endColumn: 27,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "class Cache {\n  #byUrl = new Map();\n  put() {\n    this.#byUrl.set('home', 1);\n  }\n}",
            },
          ],
        },
      ],
    },
    // Not when the field escapes: returned, reached from outside the class, or assigned again.
    {
      code: "class Cache {\n  byUrl = new WeakMap();\n  put() {\n    this.byUrl.set('home', 1);\n  }\n  all() {\n    return this.byUrl;\n  }\n}",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 4,
          column: 20,
          endColumn: 26,
          severity: 'error',
        },
      ],
    },
    {
      code: "class Cache {\n  byUrl = new WeakMap();\n  put() {\n    this.byUrl.set('home', 1);\n  }\n}\nnew Cache().byUrl.set(document, 1);",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 4,
          column: 20,
          endColumn: 26,
          severity: 'error',
        },
      ],
    },
    {
      code: "class Cache {\n  byUrl = new WeakMap();\n  put() {\n    this.byUrl.set('home', 1);\n  }\n  reset() {\n    this.byUrl = new WeakMap();\n  }\n}",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 4,
          column: 20,
          endColumn: 26,
          severity: 'error',
        },
      ],
    },
    {
      code: "const wm = new WeakMap();\nwm.get('id');",
      errors: [
        {
          messageId: 'neverAKey',
          data: { api: 'WeakMap#get', result: 'returns undefined', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "const wm = new Map();\nwm.get('id');",
            },
          ],
        },
      ],
    },
    {
      code: 'const wm = new WeakMap();\nwm.has(null);',
      errors: [
        {
          messageId: 'neverAKey',
          data: { api: 'WeakMap#has', result: 'returns false', value: 'null' },
          line: 2,
          column: 8,
          endColumn: 12,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: 'const wm = new Map();\nwm.has(null);',
            },
          ],
        },
      ],
    },
    {
      code: 'const ws = new WeakSet();\nws.delete(true);',
      errors: [
        {
          messageId: 'neverAMember',
          data: { api: 'WeakSet#delete', result: 'returns false', value: 'a boolean' },
          line: 2,
          column: 11,
          endColumn: 15,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'const ws = new Set();\nws.delete(true);',
            },
          ],
        },
      ],
    },
    {
      code: 'const r = new WeakRef(1);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a number' },
          line: 1,
          column: 23,
          endColumn: 24,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const r = new WeakRef(undefined);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'undefined' },
          line: 1,
          column: 23,
          endColumn: 32,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const r = globalThis.WeakRef ? new globalThis.WeakRef(`tpl`) : null;',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a string' },
          line: 1,
          column: 55,
          endColumn: 60,
          severity: 'error',
        },
      ],
    },
    {
      code: "const ws = new WeakSet();\nws.add(Symbol.for('app'));",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a registered symbol (Symbol.for)' },
          line: 2,
          column: 8,
          endColumn: 25,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: "const ws = new Set();\nws.add(Symbol.for('app'));",
            },
          ],
        },
      ],
    },
    {
      code: "const ID = 'session';\nconst wm = new WeakMap();\nwm.set(ID, {});",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 3,
          column: 8,
          endColumn: 10,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "const ID = 'session';\nconst wm = new Map();\nwm.set(ID, {});",
            },
          ],
        },
      ],
    },
    {
      code: 'const wm = new WeakMap();\nwm.set(String(obj), 1);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 19,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: 'const wm = new Map();\nwm.set(String(obj), 1);',
            },
          ],
        },
      ],
    },
    {
      code: 'const wm = new WeakMap();\nwm.set(a + b, 1);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string or number' },
          line: 2,
          column: 8,
          endColumn: 13,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: 'const wm = new Map();\nwm.set(a + b, 1);',
            },
          ],
        },
      ],
    },
    {
      code: 'const wm = new WeakMap();\nwm.set(typeof x, 1);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 16,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: 'const wm = new Map();\nwm.set(typeof x, 1);',
            },
          ],
        },
      ],
    },
    {
      code: 'const ws = new WeakSet();\nws.add(!flag);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a boolean' },
          line: 2,
          column: 8,
          endColumn: 13,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'const ws = new Set();\nws.add(!flag);',
            },
          ],
        },
      ],
    },
    {
      code: 'const ws = new WeakSet();\nws.add(10n);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a bigint' },
          line: 2,
          column: 8,
          endColumn: 11,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'const ws = new Set();\nws.add(10n);',
            },
          ],
        },
      ],
    },
    {
      code: "const reg = new FinalizationRegistry(() => {});\nreg.register(obj, 'held', 'token');",
      errors: [
        {
          messageId: 'tokenCannotBeHeld',
          data: { api: 'FinalizationRegistry#register', value: 'a string' },
          line: 2,
          column: 27,
          endColumn: 34,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      code: "const reg = new FinalizationRegistry(() => {});\nreg.register(42, 'held');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'FinalizationRegistry#register', value: 'a number' },
          line: 2,
          column: 14,
          endColumn: 16,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const reg = new FinalizationRegistry(() => {});\nreg.unregister(7);',
      errors: [
        {
          messageId: 'tokenCannotBeHeld',
          data: { api: 'FinalizationRegistry#unregister', value: 'a number' },
          line: 2,
          column: 16,
          endColumn: 17,
          severity: 'error',
        },
      ],
    },
    {
      code: "const wm = new WeakMap([[1, 'one']]);",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakMap([[key, value]])', value: 'a number' },
          line: 1,
          column: 26,
          endColumn: 27,
          severity: 'error',
        },
      ],
    },
    {
      code: "const ws = new WeakSet(['a', {}]);",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakSet([…])', value: 'a string' },
          line: 1,
          column: 25,
          endColumn: 28,
          severity: 'error',
        },
      ],
    },
    {
      code: 'class Cache {\n  #seen = new WeakSet();\n  mark(id) {\n    this.#seen.add(`id:${id}`);\n  }\n}',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a string' },
          line: 4,
          column: 20,
          endColumn: 30,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'class Cache {\n  #seen = new Set();\n  mark(id) {\n    this.#seen.add(`id:${id}`);\n  }\n}',
            },
          ],
        },
      ],
    },
    {
      code: "class Cache {\n  constructor() {\n    this.meta = new WeakMap();\n  }\n  get(id) {\n    return this.meta.get(id + '');\n  }\n}",
      errors: [
        {
          messageId: 'neverAKey',
          data: { api: 'WeakMap#get', result: 'returns undefined', value: 'a string or number' },
          line: 6,
          column: 26,
          endColumn: 33,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output:
                "class Cache {\n  constructor() {\n    this.meta = new Map();\n  }\n  get(id) {\n    return this.meta.get(id + '');\n  }\n}",
            },
          ],
        },
      ],
    },
    {
      code: "declare const table: WeakMap<object, string>;\ntable.set('key' as any, 'v');",
      ts: true,
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 2,
          column: 11,
          endColumn: 23,
          severity: 'error',
        },
      ],
    },
    {
      code: 'function f(ws: WeakSet<object>) {\n  ws.has(0 as any);\n}',
      ts: true,
      errors: [
        {
          messageId: 'neverAMember',
          data: { api: 'WeakSet#has', result: 'returns false', value: 'a number' },
          line: 2,
          column: 10,
          endColumn: 18,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'let n = 5;\nconst ws = new WeakSet();\nws.add(n);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a number' },
          line: 3,
          column: 8,
          endColumn: 9,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'let n = 5;\nconst ws = new Set();\nws.add(n);',
            },
          ],
        },
      ],
    },
    {
      code: "const ws = new WeakSet();\nws.add(cond ? 'a' : 'b');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 24,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: "const ws = new Set();\nws.add(cond ? 'a' : 'b');",
            },
          ],
        },
      ],
    },
    {
      code: "const m: WeakMap<string, number> = new WeakMap();\nm.set('a' as any, 1);\nm.get('a' as any);",
      ts: true,
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 2,
          column: 7,
          endColumn: 17,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "const m: Map<string, number> = new Map();\nm.set('a' as any, 1);\nm.get('a' as any);",
            },
          ],
        },
        {
          messageId: 'neverAKey',
          data: { api: 'WeakMap#get', result: 'returns undefined', value: 'a string' },
          line: 3,
          column: 7,
          endColumn: 17,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Use a Map: this WeakMap only ever sees primitive keys',
              output: "const m: Map<string, number> = new Map();\nm.set('a' as any, 1);\nm.get('a' as any);",
            },
          ],
        },
      ],
    },
    {
      code: "const ws = new WeakSet();\nws.add('x');\nexport { ws };",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a string' },
          line: 2,
          column: 8,
          endColumn: 11,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      code: 'new WeakRef(null);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'null' },
          line: 1,
          column: 13,
          endColumn: 17,
          severity: 'error',
        },
      ],
    },
    {
      code: "new WeakRef(Symbol.for('a'));",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a registered symbol (Symbol.for)' },
          line: 1,
          column: 13,
          endColumn: 28,
          severity: 'error',
        },
      ],
    },
    {
      code: "new WeakSet().add('s');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a string' },
          line: 1,
          column: 19,
          endColumn: 22,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const r = new FinalizationRegistry(() => {});\nconst o = {};\nr.register(o, 1, 1);',
      errors: [
        {
          messageId: 'tokenCannotBeHeld',
          data: { api: 'FinalizationRegistry#register', value: 'a number' },
          line: 3,
          column: 18,
          endColumn: 19,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const W = WeakRef;\nnew W(1);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a number' },
          line: 2,
          column: 7,
          endColumn: 8,
          severity: 'error',
        },
      ],
    },
    {
      code: "new globalThis.WeakRef('x');",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a string' },
          line: 1,
          column: 24,
          endColumn: 27,
          severity: 'error',
        },
      ],
    },
    {
      code: 'new window.WeakRef(null);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'null' },
          line: 1,
          column: 20,
          endColumn: 24,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const s = new self.WeakSet();\ns.add(true);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a boolean' },
          line: 2,
          column: 7,
          endColumn: 11,
          severity: 'error',
        },
      ],
    },
    {
      code: 'new global.WeakRef(42n);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a bigint' },
          line: 1,
          column: 20,
          endColumn: 23,
          severity: 'error',
        },
      ],
    },
    {
      code: "const { WeakMap: WM } = globalThis;\nconst m = new WM();\nm.set('k', 1);",
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a string' },
          line: 3,
          column: 7,
          endColumn: 10,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const { WeakSet } = globalThis;\nconst s = new WeakSet();\ns.add(2);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakSet#add', value: 'a number' },
          line: 3,
          column: 7,
          endColumn: 8,
          severity: 'error',
          suggestions: [
            {
              desc: 'Use a Set: this WeakSet only ever sees primitive keys',
              output: 'const { WeakSet } = globalThis;\nconst s = new Set();\ns.add(2);',
            },
          ],
        },
      ],
    },
    {
      code: 'const v = 1;\nReflect.construct(WeakRef, [v]);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a number' },
          line: 2,
          column: 29,
          endColumn: 30,
          severity: 'error',
        },
      ],
    },
    {
      code: 'const m = new globalThis.WeakMap();\nm.set(1, 2);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'WeakMap#set', value: 'a number' },
          line: 2,
          column: 7,
          endColumn: 8,
          severity: 'error',
        },
      ],
    },
    {
      code: "const m = Reflect.construct(WeakMap, []);\nm.has('k');",
      errors: [
        {
          messageId: 'neverAKey',
          data: { api: 'WeakMap#has', result: 'returns false', value: 'a string' },
          line: 2,
          column: 7,
          endColumn: 10,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const G = globalThis;\nnew G.WeakRef(3);',
      errors: [
        {
          messageId: 'cannotBeHeld',
          data: { api: 'new WeakRef()', value: 'a number' },
          line: 2,
          column: 15,
          endColumn: 16,
          severity: 'error',
        },
      ],
    },
    {
      code: "const FR = FinalizationRegistry;\nconst registry = new FR(() => {});\nregistry.register(target, 'held', 'token');",
      errors: [
        {
          messageId: 'tokenCannotBeHeld',
          data: { api: 'FinalizationRegistry#register', value: 'a string' },
          line: 3,
          column: 35,
          endColumn: 42,
          severity: 'error',
        },
      ],
    },
  ],
};

// Python: values CPython refuses to reference weakly (each checked by
// running it; see cpythonDifferential.test.ts for the generated sample).
const W = 'import weakref\n';

const python: PyCases = {
  valid: [
    `${W}class Point:\n    pass\nweakref.ref(Point())`,
    // An annotation a value contradicts, or one that does not name a weak container.
    `${W}d: weakref.WeakKeyDictionary[object, int] = {}\nd['id'] = 1`,
    `${W}s: weakref.WeakSet[object] = set()\ns.add('tag')`,
    `${W}from typing import Optional\ndef f(ws: Optional[weakref.WeakSet[object]]):\n    ws.add('tag')`,
    `${W}def f():\n    pass\nweakref.ref(f)`,
    `${W}weakref.ref(lambda: 0)`,
    `${W}weakref.ref(set())`,
    `${W}weakref.ref(frozenset([1]))`,
    `${W}class L(list):\n    pass\nweakref.ref(L())`,
    `${W}class D(dict):\n    pass\nweakref.ref(D())`,
    `${W}class S(str):\n    pass\nweakref.ref(S('x'))`,
    `${W}class C:\n    __slots__ = ('a', '__weakref__')\nweakref.ref(C())`,
    `${W}class B:\n    pass\nclass C(B):\n    __slots__ = ('a',)\nweakref.ref(C())`,
    `${W}from base import Base\nclass C(Base):\n    __slots__ = ()\nweakref.ref(C())`,
    `${W}class C:\n    __slots__ = make_slots()\nweakref.ref(C())`,
    `${W}@dataclass\nclass C:\n    __slots__ = ('a',)\nweakref.ref(C())`,
    `${W}def f(list):\n    return weakref.ref(list())`,
    `${W}list = MyList\nweakref.ref(list())`,
    `${W}def ref(x):\n    return x\nref([])`,
    `${W}def f(weakref):\n    weakref.ref([])`,
    `import mylib as weakref\nweakref.ref([])`,
    `${W}x = [1]\nx = Thing()\nweakref.ref(x)`,
    `${W}weakref.ref([] if flag else thing)`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = [1, 2]`,
    `${W}d = weakref.WeakValueDictionary()\nd['key'] = obj`,
    `${W}d = {}\nd[1] = 2`,
    `${W}s = set()\ns.add(1)`,
    `${W}weakref.ref(obj, [].append)`,
    `${W}class C:\n    def __new__(cls):\n        return 1\n    __slots__ = ()\nweakref.ref(C())`,
    `${W}from stuff import *\nweakref.ref(list())`,
  ],
  invalid: [
    marked(`${W}weakref.ref(«[1, 2, 3]»)`, {
      message: "weakref.ref raises TypeError here: cannot create weak reference to 'list' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'list' },
    }),
    marked(`${W}weakref.proxy(«{'name': 'texture'}»)`, {
      message: "cannot create weak reference to 'dict' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.proxy', type: 'dict' },
    }),
    marked(`${W}weakref.ref(«(1, 2)»)`, {
      message: "'tuple' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'tuple' },
    }),
    marked(`${W}weakref.ref(«42»)`, {
      message: "'int' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'int' },
    }),
    marked(`${W}weakref.ref(«4.2»)`, {
      message: "'float' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'float' },
    }),
    marked(`${W}weakref.ref(«1j»)`, {
      message: "'complex' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'complex' },
    }),
    marked(`${W}weakref.ref(«'user-1'»)`, {
      message: "'str' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'str' },
    }),
    marked(`${W}weakref.ref(«f'user-{n}'»)`, {
      message: "'str' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'str' },
    }),
    marked(`${W}weakref.ref(«b'raw'»)`, {
      message: "'bytes' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'bytes' },
    }),
    marked(`${W}weakref.ref(«bytearray(4)»)`, {
      message: "'bytearray' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'bytearray' },
    }),
    marked(`${W}weakref.ref(«True»)`, {
      message: "'bool' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'bool' },
    }),
    marked(`${W}weakref.ref(«None»)`, {
      message: "'NoneType' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'NoneType' },
    }),
    marked(`${W}weakref.ref(«range(3)»)`, {
      message: "'range' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'range' },
    }),
    marked(`${W}weakref.ref(«object()»)`, {
      message: "'object' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'object' },
    }),
    marked(`${W}weakref.ref(«[x for x in y]»)`, {
      message: "'list' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'list' },
    }),
    marked(`${W}weakref.ref(«{k: v for k, v in y}»)`, {
      message: "'dict' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'dict' },
    }),
    marked(`from weakref import ref as r\nr(«dict()»)`, {
      message: "r raises TypeError here: cannot create weak reference to 'dict' object",
      messageId: 'cannotReference',
      data: { api: 'r', type: 'dict' },
    }),
    marked(`import weakref as wr\nwr.finalize(«[]», print)`, {
      message: 'wr.finalize raises TypeError',
      messageId: 'cannotReference',
      data: { api: 'wr.finalize', type: 'list' },
    }),
    marked(`${W}class Id(int):\n    pass\nweakref.ref(«Id(3)»)`, {
      message: "cannot create weak reference to 'Id' object (it subclasses int)",
      messageId: 'cannotReferenceBecause',
      data: { api: 'weakref.ref', type: 'Id', reason: 'it subclasses int' },
    }),
    marked(`${W}class Pair(tuple):\n    pass\nclass Named(Pair):\n    pass\nweakref.ref(«Named()»)`, {
      message: "'Named' object (it subclasses tuple)",
      messageId: 'cannotReferenceBecause',
      data: { api: 'weakref.ref', type: 'Named', reason: 'it subclasses tuple' },
    }),
    marked(`${W}class Point:\n    __slots__ = ('x', 'y')\nweakref.ref(«Point()»)`, {
      message: "'Point' object (its __slots__ lacks '__weakref__')",
      messageId: 'cannotReferenceBecause',
      data: { api: 'weakref.ref', type: 'Point', reason: "its __slots__ lacks '__weakref__'" },
    }),
    marked(`${W}class A:\n    __slots__ = ()\nclass B(A):\n    __slots__ = 'b'\nweakref.ref(«B()»)`, {
      message: "'B' object (its __slots__ lacks '__weakref__')",
      messageId: 'cannotReferenceBecause',
      data: { api: 'weakref.ref', type: 'B', reason: "its __slots__ lacks '__weakref__'" },
    }),
    marked(`${W}def track(ws: 'weakref.WeakSet[object]'):\n    ws.add(«'tag'»)`, {
      message: 'WeakSet.add raises TypeError here',
      messageId: 'cannotReference',
      data: { api: 'WeakSet.add', type: 'str' },
    }),
    marked(`from weakref import WeakKeyDictionary\nd: WeakKeyDictionary[object, int] = make()\nd[«'id'»] = 1`, {
      message: 'a WeakKeyDictionary key raises TypeError here',
      messageId: 'cannotReference',
      data: { api: 'a WeakKeyDictionary key', type: 'str' },
    }),
    marked(`${W}ws = weakref.WeakSet()\nws.add(«'tag'»)`, {
      message: "WeakSet.add raises TypeError here: cannot create weak reference to 'str' object",
      messageId: 'cannotReference',
      data: { api: 'WeakSet.add', type: 'str' },
    }),
    marked(`from weakref import WeakKeyDictionary\nd = WeakKeyDictionary()\nd[«'id'»] = 1`, {
      message: "a WeakKeyDictionary key raises TypeError here: cannot create weak reference to 'str' object",
      messageId: 'cannotReference',
      data: { api: 'a WeakKeyDictionary key', type: 'str' },
    }),
    marked(`${W}d = weakref.WeakValueDictionary()\nd['k'] = «[1]»`, {
      message: "a WeakValueDictionary value raises TypeError here: cannot create weak reference to 'list' object",
      messageId: 'cannotReference',
      data: { api: 'a WeakValueDictionary value', type: 'list' },
    }),
    marked(`${W}items = [1, 2]\nweakref.ref(«items»)`, {
      message: "'list' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'list' },
    }),
    marked(
      `${W}class Cache:\n    def __init__(self):\n        self._d = weakref.WeakValueDictionary()\n    def put(self, k):\n        self._d[k] = «{'k': k}»`,
      {
        message: "'dict' object",
        messageId: 'cannotReference',
        data: { api: 'a WeakValueDictionary value', type: 'dict' },
      },
    ),
    marked(`${W}weakref.ref(«not x»)`, {
      message: "'bool' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'bool' },
    }),
    marked(`${W}weakref.ref(«-1»)`, {
      message: "'int' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'int' },
    }),
    marked(`${W}weakref.ref(«...»)`, {
      message: "'ellipsis' object",
      messageId: 'cannotReference',
      data: { api: 'weakref.ref', type: 'ellipsis' },
    }),
    {
      ...marked(`${W}weakref.ref(«[]»)`, {
        message: "'list' object",
        messageId: 'cannotReference',
        data: { api: 'weakref.ref', type: 'list' },
      }),
      errors: [
        {
          message: "'list' object",
          messageId: 'cannotReference',
          data: { api: 'weakref.ref', type: 'list' },
          line: 2,
          column: 13,
          endColumn: 15,
          severity: 'error',
        },
      ],
    },
  ],
};

export const cases: RuleCaseTables = { javascript, python };

// weak-target-unreachable: generated from reviewed cases, then kept by hand: each case states what the rule must do.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, markedWithFix, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'const obj = {};\nconst ref = new WeakRef(obj);',
    'const ref = new WeakRef(this);',
    'const ref = new WeakRef(target);',
    'const handler = this.onEvent.bind(this);\nconst ref = new WeakRef(handler);',
    'const ws = new WeakSet();\nws.add(node);',
    'const wm = new WeakMap();\nwm.set(el, {});',
    'const wm = new WeakMap();\nwm.set(el, () => {});',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, {});',
    'const reg = new FinalizationRegistry(() => {});\nreg.register(obj, 1, {});',
    'const m = new Map();\nm.set({}, 1);',
    'const s = new Set();\ns.add(() => {});',
    'class WeakRef {}\nnew WeakRef({});',
    'function f(WeakSet) { new WeakSet().add({}); }',
    'const wm = new WeakMap();\nwm.get({});',
    'const ws = new WeakSet();\nws.has([]);',
    'const o = {};\nconst ws = new WeakSet([o]);',
    'const wm = new WeakMap([[key, {}]]);',
    'const ref = new WeakRef(cache.get(k));',
    'const ref = new WeakRef(obj.child);',
    'const ref = new WeakRef(make());',
    'const ref = new WeakRef(x = {});',
    'const ref = new WeakRef(list[0]);',
    "const ref = new WeakRef(Symbol('s'));",
    'const ws = new WeakSet();\nfor (const n of nodes) ws.add(n);',
    'let current = {};\nconst ref = new WeakRef(current);',
    'function f(wm) { wm.set({}, 1); }',
    'const W = WeakRef;\nnew W(obj);',
    'function f(WeakRef) {\n  const W = WeakRef;\n  new W({});\n}',
    'const { WeakSet: WS } = myRealm;\nnew WS().add({});',
  ],
  invalid: [
    {
      code: "const ref = new WeakRef({ name: 'temporary' });",
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'an object literal' },
          line: 1,
          column: 25,
          endColumn: 46,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef([1, 2, 3]);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'an array literal' },
          line: 1,
          column: 25,
          endColumn: 34,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(() => {});',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'a function expression' },
          line: 1,
          column: 25,
          endColumn: 33,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(function handler() {});',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'a function expression' },
          line: 1,
          column: 25,
          endColumn: 46,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'class Button {\n  constructor(bus) {\n    bus.subscribe(new WeakRef(this.onClick.bind(this)));\n  }\n}',
      errors: [
        {
          messageId: 'boundFunction',
          data: { api: 'new WeakRef()' },
          line: 3,
          column: 31,
          endColumn: 54,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(new Session());',
      errors: [
        {
          messageId: 'freshInstance',
          data: { api: 'new WeakRef()', className: 'Session' },
          line: 1,
          column: 25,
          endColumn: 38,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(class {});',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'a class expression' },
          line: 1,
          column: 25,
          endColumn: 33,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(/x/g);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'a regular expression literal' },
          line: 1,
          column: 25,
          endColumn: 29,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ws = new WeakSet();\nws.add({});',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'WeakSet#add', value: 'an object literal' },
          line: 2,
          column: 8,
          endColumn: 10,
          severity: 'warning',
        },
      ],
    },
    {
      code: "const wm = new WeakMap();\nwm.set({ id: 1 }, 'data');",
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'WeakMap#set', value: 'an object literal' },
          line: 2,
          column: 8,
          endColumn: 17,
          severity: 'warning',
        },
      ],
    },
    {
      code: "const reg = new FinalizationRegistry(() => {});\nreg.register({}, 'held');",
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'FinalizationRegistry#register', value: 'an object literal' },
          line: 2,
          column: 14,
          endColumn: 16,
          severity: 'warning',
        },
      ],
    },
    {
      code: "const reg = new FinalizationRegistry(() => {});\nreg.register(new Resource(), 'r');",
      errors: [
        {
          messageId: 'freshInstance',
          data: { api: 'FinalizationRegistry#register', className: 'Resource' },
          line: 2,
          column: 14,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ws = new WeakSet([{}]);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakSet([…])', value: 'an object literal' },
          line: 1,
          column: 25,
          endColumn: 27,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const wm = new WeakMap([[[], 1]]);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakMap([[key, value]])', value: 'an array literal' },
          line: 1,
          column: 26,
          endColumn: 28,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new globalThis.WeakRef(listener.handle.bind(listener));',
      errors: [
        {
          messageId: 'boundFunction',
          data: { api: 'new WeakRef()' },
          line: 1,
          column: 36,
          endColumn: 66,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const ref = new WeakRef(({ a: 1 }) as object);',
      ts: true,
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'an object literal' },
          line: 1,
          column: 25,
          endColumn: 45,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'class Store {\n  #seen = new WeakSet();\n  mark() { this.#seen.add({ at: Date.now() }); }\n}',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'WeakSet#add', value: 'an object literal' },
          line: 3,
          column: 27,
          endColumn: 45,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const r = new WeakRef(fn.bind(x));',
      errors: [
        {
          messageId: 'boundFunction',
          data: { api: 'new WeakRef()' },
          line: 1,
          column: 23,
          endColumn: 33,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'class C {}\nconst r = new WeakRef(new C());',
      errors: [
        {
          messageId: 'freshInstance',
          data: { api: 'new WeakRef()', className: 'C' },
          line: 2,
          column: 23,
          endColumn: 30,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'class L {\n  onEvent() {}\n  listen() { return new WeakRef(this.onEvent.bind(this)); }\n}',
      errors: [
        {
          messageId: 'boundFunction',
          data: { api: 'new WeakRef()' },
          line: 3,
          column: 33,
          endColumn: 56,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const W = WeakRef;\nnew W({});',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'an object literal' },
          line: 2,
          column: 7,
          endColumn: 9,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const m = new globalThis.WeakMap();\nm.set({}, 1);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'WeakMap#set', value: 'an object literal' },
          line: 2,
          column: 7,
          endColumn: 9,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'Reflect.construct(WeakRef, [() => {}]);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakRef()', value: 'a function expression' },
          line: 1,
          column: 29,
          endColumn: 37,
          severity: 'warning',
        },
      ],
    },
    {
      code: 'const { WeakSet: WS } = window;\nnew WS([[]]);',
      errors: [
        {
          messageId: 'freshValue',
          data: { api: 'new WeakSet([…])', value: 'an array literal' },
          line: 2,
          column: 9,
          endColumn: 11,
          severity: 'warning',
        },
      ],
    },
  ],
};

// Python: a bound method or a fresh object held only weakly is gone
// at once (the differential test confirms each weakref.ref case dead in CPython).
const W = 'import weakref\n';
const C = `${W}class Button:\n    def click(self):\n        pass\n`;

const python: PyCases = {
  valid: [
    `${C}b = Button()\nweakref.WeakMethod(b.click)`,
    `${C}b = Button()\nweakref.ref(b)`,
    `${C}b = Button()\nm = b.click\nweakref.ref(m)`,
    `${W}class C:\n    @staticmethod\n    def s():\n        pass\nc = C()\nweakref.ref(c.s)`,
    `${W}class C:\n    @property\n    def p(self):\n        return self\nc = C()\nweakref.ref(c.p)`,
    `${W}class C:\n    def __init__(self):\n        self.parent = Node()\n    def m(self):\n        pass\nc = C()\nweakref.ref(c.parent)`,
    `${W}def f(obj):\n    return weakref.ref(obj.parent)`,
    `${W}weakref.ref(self.parent)`,
    `${W}class Reg:\n    items = []\n    def __init__(self):\n        Reg.items.append(self)\nweakref.ref(Reg())`,
    `${W}class Reg:\n    def __init__(self, owner):\n        owner.children.append(self)\nweakref.ref(Reg(o))`,
    `${W}from lib import Base\nclass C(Base):\n    pass\nweakref.ref(C())`,
    `${W}class C:\n    def __new__(cls):\n        return INSTANCE\nweakref.ref(C())`,
    `${W}weakref.ref(make())`,
    `${W}fn = lambda: 0\nweakref.ref(fn)`,
    `${C}b = Button()\nws = weakref.WeakSet()\nws.add(b)`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = lambda: 0`,
    `${C}b = Button()\nd = weakref.WeakValueDictionary()\nd['b'] = b`,
    `${C}def ref(x):\n    return x\nref(Button().click)`,
    `${W}class C:\n    def m(self):\n        pass\n    def n(self):\n        return weakref.WeakMethod(self.m)`,
    `${W}class C:\n    def __init__(self):\n        self.m = print\n    def m(self):\n        pass\nc = C()\nweakref.ref(c.m)`,
    `${W}weakref.ref(Button)`,
  ],
  invalid: [
    markedWithFix(`${C}b = Button()\nweakref.ref(«b.click»)`, `${C}b = Button()\nweakref.WeakMethod(b.click)`, {
      message:
        'b.click makes a new bound method that nothing else holds, so the reference is dead at once: use weakref.WeakMethod',
      messageId: 'boundMethodUseWeakMethod',
      data: { expression: 'b.click', consequence: 'the reference is dead at once' },
    }),
    markedWithFix(
      `import weakref as wr\nclass B:\n    def m(self):\n        pass\nwr.ref(«B().m»)`,
      `import weakref as wr\nclass B:\n    def m(self):\n        pass\nwr.WeakMethod(B().m)`,
      {
        message: 'B().m makes a new bound method',
        messageId: 'boundMethodUseWeakMethod',
        data: { expression: 'B().m', consequence: 'the reference is dead at once' },
      },
    ),
    markedWithFix(
      `import weakref\nfrom weakref import ref\nclass B:\n    def m(self):\n        pass\nref(«B().m»)`,
      `import weakref\nfrom weakref import ref\nclass B:\n    def m(self):\n        pass\nweakref.WeakMethod(B().m)`,
      {
        message: 'B().m makes a new bound method',
        messageId: 'boundMethodUseWeakMethod',
        data: { expression: 'B().m', consequence: 'the reference is dead at once' },
      },
    ),
    // WeakMethod imported by name (here as WM), keeping ref's callback argument.
    markedWithFix(
      `from weakref import ref, WeakMethod as WM\nclass B:\n    def m(self):\n        pass\ndef f(cb):\n    return ref(«B().m», cb)`,
      `from weakref import ref, WeakMethod as WM\nclass B:\n    def m(self):\n        pass\ndef f(cb):\n    return WM(B().m, cb)`,
      {
        message: 'B().m makes a new bound method',
        messageId: 'boundMethodUseWeakMethod',
        data: { expression: 'B().m', consequence: 'the reference is dead at once' },
      },
    ),
    // Not when a local name shadows it where the call is.
    markedWithFix(
      `from weakref import ref, WeakMethod\nclass B:\n    def m(self):\n        pass\ndef f(WeakMethod):\n    return ref(«B().m»)`,
      null,
      {
        message: 'B().m makes a new bound method',
        messageId: 'boundMethodUseWeakMethod',
        data: { expression: 'B().m', consequence: 'the reference is dead at once' },
      },
    ),
    markedWithFix(`from weakref import ref\nclass B:\n    def m(self):\n        pass\nref(«B().m»)`, null, {
      message: 'B().m makes a new bound method',
      messageId: 'boundMethodUseWeakMethod',
      data: { expression: 'B().m', consequence: 'the reference is dead at once' },
    }),
    markedWithFix(
      `${W}class C:\n    def handler(self):\n        pass\n    def listen(self):\n        self.cb = weakref.ref(«self.handler»)`,
      `${W}class C:\n    def handler(self):\n        pass\n    def listen(self):\n        self.cb = weakref.WeakMethod(self.handler)`,
      {
        message: 'self.handler makes a new bound method',
        messageId: 'boundMethodUseWeakMethod',
        data: { expression: 'self.handler', consequence: 'the reference is dead at once' },
      },
    ),
    marked(`${C}b = Button()\nweakref.proxy(«b.click»)`, {
      message: 'b.click makes a new bound method that nothing else holds, so the reference is dead at once',
      messageId: 'boundMethod',
      data: { expression: 'b.click', consequence: 'the reference is dead at once' },
    }),
    marked(`${C}b = Button()\nws = weakref.WeakSet()\nws.add(«b.click»)`, {
      message: 'so the entry disappears at once',
      messageId: 'boundMethod',
      data: { expression: 'b.click', consequence: 'the entry disappears at once' },
    }),
    marked(`${C}weakref.ref(«Button()»)`, {
      message: 'a new Button that nothing else holds reaches weakref.ref, so the reference is dead at once',
      messageId: 'freshObject',
      data: { value: 'a new Button', api: 'weakref.ref', consequence: 'the reference is dead at once' },
    }),
    marked(`${C}ws = weakref.WeakSet()\nws.add(«Button()»)`, {
      message: 'a new Button that nothing else holds reaches WeakSet.add, so the entry disappears at once',
      messageId: 'freshObject',
      data: { value: 'a new Button', api: 'WeakSet.add', consequence: 'the entry disappears at once' },
    }),
    marked(`${C}d = weakref.WeakValueDictionary()\nd['player_1'] = «Button()»`, {
      message: 'a new Button that nothing else holds reaches a WeakValueDictionary value',
      messageId: 'freshObject',
      data: { value: 'a new Button', api: 'a WeakValueDictionary value', consequence: 'the entry disappears at once' },
    }),
    marked(`${C}d = weakref.WeakKeyDictionary()\nd[«Button()»] = 1`, {
      message: 'a new Button that nothing else holds reaches a WeakKeyDictionary key',
      messageId: 'freshObject',
      data: { value: 'a new Button', api: 'a WeakKeyDictionary key', consequence: 'the entry disappears at once' },
    }),
    marked(`${W}weakref.ref(«lambda: 0»)`, {
      message: 'a lambda that nothing else holds',
      messageId: 'freshObject',
      data: { value: 'a lambda', api: 'weakref.ref', consequence: 'the reference is dead at once' },
    }),
    marked(`${W}weakref.ref(«set()»)`, {
      message: 'a new set that nothing else holds',
      messageId: 'freshObject',
      data: { value: 'a new set', api: 'weakref.ref', consequence: 'the reference is dead at once' },
    }),
    marked(`${W}weakref.ref(«{1, 2}»)`, {
      message: 'a new set that nothing else holds',
      messageId: 'freshObject',
      data: { value: 'a new set', api: 'weakref.ref', consequence: 'the reference is dead at once' },
    }),
    marked(`${W}weakref.finalize(«lambda: 0», print)`, {
      message: 'so the finalizer runs at once',
      messageId: 'freshObject',
      data: { value: 'a lambda', api: 'weakref.finalize', consequence: 'the finalizer runs at once' },
    }),
    marked(
      `${W}class Node:\n    def __init__(self, name):\n        self.name = name\nweakref.ref(«Node('a')», print)`,
      {
        message: 'a new Node that nothing else holds',
        messageId: 'freshObject',
        data: { value: 'a new Node', api: 'weakref.ref', consequence: 'the reference is dead at once' },
      },
    ),
  ],
};

export const cases: RuleCaseTables = { javascript, python };

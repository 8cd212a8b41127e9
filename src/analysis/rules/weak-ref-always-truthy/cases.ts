// weak-ref-always-truthy: each case states what the rule must do; every invalid case was reviewed by hand.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { markedWithFix, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'const ref = new WeakRef(session);\nif (ref.deref()) ref.deref().close();',
    'const ref = new WeakRef(session);\nif (ref.deref() === undefined) reconnect();',
    'let ref;\nif (ready) ref = new WeakRef(session);\nif (ref) ref.deref();',
    'let ref = new WeakRef(session);\nref = undefined;\nif (ref) ref.deref();',
    'const ref = new WeakRef(session);\nconst target = ref && ref.deref();',
    'const ref = new WeakRef(session);\nconst either = ref || fallback;',
    'const ref = new WeakRef(session);\nif (ref === other) same();',
    'const ref = makeRef();\nif (ref) ref.deref();',
    'function f(ref) {\n  if (ref) ref.deref();\n}',
    'class WeakRef {}\nconst ref = new WeakRef();\nif (ref) ready();',
    'class C {\n  connect(o) {\n    this.ref = new WeakRef(o);\n  }\n  get alive() {\n    return !!this.ref;\n  }\n}',
    'class C {\n  constructor(o) {\n    this.ref = new WeakRef(o);\n  }\n  close() {\n    this.ref = null;\n  }\n  get alive() {\n    return !!this.ref;\n  }\n}',
    'class C {\n  constructor(o) {\n    this.ref = new WeakRef(o);\n  }\n  close() {\n    delete this.ref;\n  }\n  get alive() {\n    return !!this.ref;\n  }\n}',
    {
      code: 'function f(ref?: WeakRef<object>) {\n  if (ref) ref.deref();\n}',
      ts: true,
    },
    {
      code: 'function f(ref: WeakRef<object> | undefined) {\n  if (ref) ref.deref();\n}',
      ts: true,
    },
    {
      code: 'class C {\n  ref?: WeakRef<object>;\n  m() {\n    if (this.ref) this.ref.deref();\n  }\n}',
      ts: true,
    },
  ],
  invalid: [
    {
      code: 'const ref = new WeakRef(session);\nfunction stop() {\n  if (ref) {\n    ref.deref().close();\n    log(ref.deref().id);\n  } else {\n    log(0);\n  }\n}',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: { name: 'ref' },
          line: 3,
          column: 7,
          endColumn: 10,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read ref.deref() once into a const and test that',
              output:
                'const ref = new WeakRef(session);\nfunction stop() {\n  const target = ref.deref();\n  if (target !== undefined) {\n    target.close();\n    log(target.id);\n  } else {\n    log(0);\n  }\n}',
            },
          ],
        },
      ],
      output:
        'const ref = new WeakRef(session);\nfunction stop() {\n  if (ref.deref() !== undefined) {\n    ref.deref().close();\n    log(ref.deref().id);\n  } else {\n    log(0);\n  }\n}',
    },
    {
      code: 'const ref = new WeakRef(session);\nasync function stop() {\n  if (ref) {\n    await flush();\n    ref.deref().close();\n  }\n}',
      errors: [
        { messageId: 'alwaysTruthy', data: { name: 'ref' }, line: 3, column: 7, endColumn: 10, severity: 'warning' },
      ],
      output:
        'const ref = new WeakRef(session);\nasync function stop() {\n  if (ref.deref() !== undefined) {\n    await flush();\n    ref.deref().close();\n  }\n}',
    },
    {
      code: 'const ref = new WeakRef(session);\nconst target = 1;\nif (ref) ref.deref().close();',
      errors: [
        { messageId: 'alwaysTruthy', data: { name: 'ref' }, line: 3, column: 5, endColumn: 8, severity: 'warning' },
      ],
      output:
        'const ref = new WeakRef(session);\nconst target = 1;\nif (ref.deref() !== undefined) ref.deref().close();',
    },
    {
      code: 'const ref = new WeakRef(session);\nif (ref) setTimeout(() => ref.deref().close());',
      errors: [
        { messageId: 'alwaysTruthy', data: { name: 'ref' }, line: 2, column: 5, endColumn: 8, severity: 'warning' },
      ],
      output:
        'const ref = new WeakRef(session);\nif (ref.deref() !== undefined) setTimeout(() => ref.deref().close());',
    },
    {
      code: 'const ref = new WeakRef(session);\nif (ref) ref.deref()?.close();',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 5,
          endColumn: 8,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read ref.deref() once into a const and test that',
              output:
                'const ref = new WeakRef(session);\nconst target = ref.deref();\nif (target !== undefined) target?.close();',
            },
          ],
        },
      ],
      output: 'const ref = new WeakRef(session);\nif (ref.deref() !== undefined) ref.deref()?.close();',
    },
    {
      code: "const ref = new WeakRef(session);\nif (!ref) console.log('gone');",
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 6,
          endColumn: 9,
          severity: 'warning',
        },
      ],
      output: "const ref = new WeakRef(session);\nif (ref.deref() === undefined) console.log('gone');",
    },
    {
      code: 'const ref = new WeakRef(session);\nconst alive = !!ref;',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 17,
          endColumn: 20,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(session);\nconst alive = ref.deref() !== undefined;',
    },
    {
      code: 'const ref = new WeakRef(session);\nconst alive = Boolean(ref);',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 23,
          endColumn: 26,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(session);\nconst alive = ref.deref() !== undefined;',
    },
    {
      code: "const ref = new WeakRef(session);\nconst label = ref ? 'alive' : 'gone';",
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 15,
          endColumn: 18,
          severity: 'warning',
        },
      ],
      output: "const ref = new WeakRef(session);\nconst label = ref.deref() !== undefined ? 'alive' : 'gone';",
    },
    {
      code: 'const ref = new WeakRef(session);\nwhile (ready && ref) step();',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 17,
          endColumn: 20,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(session);\nwhile (ready && ref.deref() !== undefined) step();',
    },
    {
      code: 'const ref = new WeakRef(session);\nif (ref === undefined) reconnect();',
      errors: [
        {
          messageId: 'neverNullish',
          data: {
            name: 'ref',
            value: 'undefined',
            result: 'false',
          },
          line: 2,
          column: 5,
          endColumn: 8,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(session);\nif (ref.deref() === undefined) reconnect();',
    },
    {
      code: 'const ref = new WeakRef(session);\nif (null != ref) notify();',
      errors: [
        {
          messageId: 'neverNullish',
          data: {
            name: 'ref',
            value: 'null',
            result: 'true',
          },
          line: 2,
          column: 13,
          endColumn: 16,
          severity: 'warning',
        },
      ],
      output: 'const ref = new WeakRef(session);\nif (ref.deref() !== undefined) notify();',
    },
    {
      code: 'let ref = new WeakRef(a);\nref = new WeakRef(b);\nif (ref) f();',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 3,
          column: 5,
          endColumn: 8,
          severity: 'warning',
        },
      ],
      output: 'let ref = new WeakRef(a);\nref = new WeakRef(b);\nif (ref.deref() !== undefined) f();',
    },
    {
      ts: true,
      code: "function send(ref: WeakRef<Socket>) {\n  if (ref) ref.deref()?.send('x');\n}",
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'ref',
          },
          line: 2,
          column: 7,
          endColumn: 10,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Read ref.deref() once into a const and test that',
              output:
                "function send(ref: WeakRef<Socket>) {\n  const target = ref.deref();\n  if (target !== undefined) target?.send('x');\n}",
            },
          ],
        },
      ],
      output: "function send(ref: WeakRef<Socket>) {\n  if (ref.deref() !== undefined) ref.deref()?.send('x');\n}",
    },
    {
      code: 'class Entry {\n  ref = new WeakRef(target);\n  alive() {\n    return !!this.ref;\n  }\n}',
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'this.ref',
          },
          line: 4,
          column: 14,
          endColumn: 22,
          severity: 'warning',
        },
      ],
      output:
        'class Entry {\n  ref = new WeakRef(target);\n  alive() {\n    return this.ref.deref() !== undefined;\n  }\n}',
    },
    {
      code: 'class Entry {\n  constructor(target) {\n    this.ref = new WeakRef(target);\n  }\n  get alive() {\n    return this.ref !== null;\n  }\n}',
      errors: [
        {
          messageId: 'neverNullish',
          data: {
            name: 'this.ref',
            value: 'null',
            result: 'true',
          },
          line: 6,
          column: 12,
          endColumn: 20,
          severity: 'warning',
        },
      ],
      output:
        'class Entry {\n  constructor(target) {\n    this.ref = new WeakRef(target);\n  }\n  get alive() {\n    return this.ref.deref() !== undefined;\n  }\n}',
    },
    {
      ts: true,
      code: "class Entry {\n  private ref: WeakRef<object>;\n  constructor(o: object) {\n    this.ref = new WeakRef(o);\n  }\n  check() {\n    if (!(this.ref as WeakRef<object>)) throw new Error('gone');\n  }\n}",
      errors: [
        {
          messageId: 'alwaysTruthy',
          data: {
            name: 'this.ref',
          },
          line: 7,
          column: 11,
          endColumn: 19,
          severity: 'warning',
        },
      ],
      output:
        "class Entry {\n  private ref: WeakRef<object>;\n  constructor(o: object) {\n    this.ref = new WeakRef(o);\n  }\n  check() {\n    if (this.ref.deref() === undefined) throw new Error('gone');\n  }\n}",
    },
  ],
};

const python: PyCases = {
  valid: [
    "import weakref\nr = weakref.ref(session)\nif r() is not None:\n    print('alive')",
    'import weakref\nr = weakref.ref(session)\nobj = r()\nif obj:\n    obj.close()',
    "import weakref\np = weakref.proxy(session)\nif p:\n    print('alive')",
    'import weakref\nr = None\nif ready:\n    r = weakref.ref(session)\nif r:\n    r()',
    'import weakref\ndef f(r):\n    if r:\n        r()',
    'import weakref\nclass C:\n    def __init__(self, o):\n        self._ref = weakref.ref(o)\n    def close(self):\n        self._ref = None\n    def alive(self):\n        return bool(self._ref)',
    'import weakref\nr = weakref.ref(session)\nx = r or fallback',
    'import weakref\nr = weakref.ref(session)\nif r is other:\n    same()',
    'import weakref\nrefs = [weakref.ref(s) for s in sessions]\nif refs:\n    pass',
  ],
  invalid: [
    markedWithFix(
      "import weakref\nr = weakref.ref(session)\nif «r»:\n    print('alive')",
      "import weakref\nr = weakref.ref(session)\nif r() is not None:\n    print('alive')",
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      'import weakref\nr = weakref.ref(session)\nwhile not «r»:\n    wait()',
      'import weakref\nr = weakref.ref(session)\nwhile r() is None:\n    wait()',
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      "import weakref\nr = weakref.ref(session)\nassert «r», 'session gone'",
      "import weakref\nr = weakref.ref(session)\nassert r() is not None, 'session gone'",
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      'import weakref\nr = weakref.ref(session)\nalive = bool(«r»)',
      'import weakref\nr = weakref.ref(session)\nalive = r() is not None',
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      "import weakref\nr = weakref.ref(session)\nlabel = 'alive' if «r» else 'gone'",
      "import weakref\nr = weakref.ref(session)\nlabel = 'alive' if r() is not None else 'gone'",
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      'import weakref\nr = weakref.ref(session)\nif ready and «r»:\n    go()',
      'import weakref\nr = weakref.ref(session)\nif ready and r() is not None:\n    go()',
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'r', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      'import weakref\nr = weakref.ref(session)\nif «r» is None:\n    reconnect()',
      'import weakref\nr = weakref.ref(session)\nif r() is None:\n    reconnect()',
      {
        message: 'and never None, so this comparison is always',
        messageId: 'neverNone',
        data: { name: 'r', api: 'weakref.ref', result: 'False' },
      },
    ),
    markedWithFix(
      'import weakref\nr = weakref.ref(session)\nif «r» is not None:\n    notify()',
      'import weakref\nr = weakref.ref(session)\nif r() is not None:\n    notify()',
      {
        message: 'and never None, so this comparison is always',
        messageId: 'neverNone',
        data: { name: 'r', api: 'weakref.ref', result: 'True' },
      },
    ),
    markedWithFix(
      'from weakref import ref\ndef f(session):\n    r = ref(session)\n    return «r» != None',
      'from weakref import ref\ndef f(session):\n    r = ref(session)\n    return r() is not None',
      {
        message: 'and never None, so this comparison is always',
        messageId: 'neverNone',
        data: { name: 'r', api: 'weakref.ref', result: 'True' },
      },
    ),
    markedWithFix(
      'import weakref\nclass Proxy:\n    def __init__(self, obj):\n        self._self_ref = weakref.ref(obj)\n    def alive(self):\n        return bool(«self._self_ref»)',
      'import weakref\nclass Proxy:\n    def __init__(self, obj):\n        self._self_ref = weakref.ref(obj)\n    def alive(self):\n        return self._self_ref() is not None',
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'self._self_ref', api: 'weakref.ref' },
      },
    ),
    markedWithFix(
      'import weakref\nclass Button:\n    def __init__(self, handler):\n        self._cb = weakref.WeakMethod(handler)\n    def click(self):\n        if «self._cb»:\n            self._cb()()',
      'import weakref\nclass Button:\n    def __init__(self, handler):\n        self._cb = weakref.WeakMethod(handler)\n    def click(self):\n        if self._cb() is not None:\n            self._cb()()',
      {
        message: 'which has no __bool__, so it is always true',
        messageId: 'alwaysTrue',
        data: { name: 'self._cb', api: 'weakref.WeakMethod' },
      },
    ),
  ],
};

export const cases: RuleCaseTables = { javascript, python };

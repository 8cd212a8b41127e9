// invalid-weak-target on Python: values CPython refuses to reference weakly (each checked by
// running it; see cpythonDifferential.test.ts for the generated sample).
import { marked, pyRuleTester } from './pyRuleTester';

const W = 'import weakref\n';

pyRuleTester('invalid-weak-target', {
  valid: [
    `${W}class Point:\n    pass\nweakref.ref(Point())`,
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
});

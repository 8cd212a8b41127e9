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
    marked(
      `${W}weakref.ref(«[1, 2, 3]»)`,
      "weakref.ref raises TypeError here: cannot create weak reference to 'list' object",
    ),
    marked(`${W}weakref.proxy(«{'name': 'texture'}»)`, "cannot create weak reference to 'dict' object"),
    marked(`${W}weakref.ref(«(1, 2)»)`, "'tuple' object"),
    marked(`${W}weakref.ref(«42»)`, "'int' object"),
    marked(`${W}weakref.ref(«4.2»)`, "'float' object"),
    marked(`${W}weakref.ref(«1j»)`, "'complex' object"),
    marked(`${W}weakref.ref(«'user-1'»)`, "'str' object"),
    marked(`${W}weakref.ref(«f'user-{n}'»)`, "'str' object"),
    marked(`${W}weakref.ref(«b'raw'»)`, "'bytes' object"),
    marked(`${W}weakref.ref(«bytearray(4)»)`, "'bytearray' object"),
    marked(`${W}weakref.ref(«True»)`, "'bool' object"),
    marked(`${W}weakref.ref(«None»)`, "'NoneType' object"),
    marked(`${W}weakref.ref(«range(3)»)`, "'range' object"),
    marked(`${W}weakref.ref(«object()»)`, "'object' object"),
    marked(`${W}weakref.ref(«[x for x in y]»)`, "'list' object"),
    marked(`${W}weakref.ref(«{k: v for k, v in y}»)`, "'dict' object"),
    marked(
      `from weakref import ref as r\nr(«dict()»)`,
      "r raises TypeError here: cannot create weak reference to 'dict' object",
    ),
    marked(`import weakref as wr\nwr.finalize(«[]», print)`, 'wr.finalize raises TypeError'),
    marked(
      `${W}class Id(int):\n    pass\nweakref.ref(«Id(3)»)`,
      "cannot create weak reference to 'Id' object (it subclasses int)",
    ),
    marked(
      `${W}class Pair(tuple):\n    pass\nclass Named(Pair):\n    pass\nweakref.ref(«Named()»)`,
      "'Named' object (it subclasses tuple)",
    ),
    marked(
      `${W}class Point:\n    __slots__ = ('x', 'y')\nweakref.ref(«Point()»)`,
      "'Point' object (its __slots__ lacks '__weakref__')",
    ),
    marked(
      `${W}class A:\n    __slots__ = ()\nclass B(A):\n    __slots__ = 'b'\nweakref.ref(«B()»)`,
      "'B' object (its __slots__ lacks '__weakref__')",
    ),
    marked(
      `${W}ws = weakref.WeakSet()\nws.add(«'tag'»)`,
      "WeakSet.add raises TypeError here: cannot create weak reference to 'str' object",
    ),
    marked(
      `from weakref import WeakKeyDictionary\nd = WeakKeyDictionary()\nd[«'id'»] = 1`,
      "a WeakKeyDictionary key raises TypeError here: cannot create weak reference to 'str' object",
    ),
    marked(
      `${W}d = weakref.WeakValueDictionary()\nd['k'] = «[1]»`,
      "a WeakValueDictionary value raises TypeError here: cannot create weak reference to 'list' object",
    ),
    marked(`${W}items = [1, 2]\nweakref.ref(«items»)`, "'list' object"),
    marked(
      `${W}class Cache:\n    def __init__(self):\n        self._d = weakref.WeakValueDictionary()\n    def put(self, k):\n        self._d[k] = «{'k': k}»`,
      "'dict' object",
    ),
    marked(`${W}weakref.ref(«not x»)`, "'bool' object"),
    marked(`${W}weakref.ref(«-1»)`, "'int' object"),
    marked(`${W}weakref.ref(«...»)`, "'ellipsis' object"),
    {
      ...marked(`${W}weakref.ref(«[]»)`, "'list' object"),
      errors: [{ message: "'list' object", line: 2, column: 13, endColumn: 15, severity: 'error' }],
    },
  ],
});

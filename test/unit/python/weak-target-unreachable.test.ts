// weak-target-unreachable on Python: a bound method or a fresh object held only weakly is gone
// at once (the differential test confirms each weakref.ref case dead in CPython).
import { marked, markedWithFix, pyRuleTester } from './pyRuleTester';

const W = 'import weakref\n';
const C = `${W}class Button:\n    def click(self):\n        pass\n`;

pyRuleTester('weak-target-unreachable', {
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
});

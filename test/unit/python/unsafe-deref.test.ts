// unsafe-deref on Python: calling a weakref.ref returns None once the target is gone, so
// `r().attr`, `r()[k]` and `r()()` need a None check first.
import { marked, markedWithFix, pyRuleTester } from './pyRuleTester';

const W = 'import weakref\n';
const R = `${W}r = weakref.ref(target)\n`;

pyRuleTester('unsafe-deref', {
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
    `${R}if r() is not None:\n    print(r().name)`,
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
  ],
  invalid: [
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
});

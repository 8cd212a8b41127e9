// register-holds-target on Python: weakref.finalize keeps its callback and arguments alive, so
// one that reaches the object keeps it alive until interpreter exit.
import { marked, pyRuleTester } from './pyRuleTester';

const W = 'import weakref\n';
const F = `${W}class File:\n    def close(self):\n        pass\n    @staticmethod\n    def cleanup(handle):\n        pass\n`;

pyRuleTester('register-holds-target', {
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
  ],
  invalid: [
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
});

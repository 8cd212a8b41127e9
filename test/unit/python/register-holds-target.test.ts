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
    marked(
      `${W}weakref.finalize(obj, «obj.close»)`,
      'weakref.finalize holds its callback strongly, and obj.close, a bound method of obj: obj is never collected',
    ),
    marked(`${F}f = File()\nweakref.finalize(f, «f.close»)`, 'f.close, a bound method of f'),
    marked(`${W}weakref.finalize(obj, print, «obj»)`, 'holds its arguments strongly, and obj itself'),
    marked(`${W}weakref.finalize(obj, «lambda: obj.close()»)`, 'a lambda that uses obj'),
    marked(`${W}weakref.finalize(obj, print, «[obj]»)`, 'a list holding obj'),
    marked(`${W}weakref.finalize(obj, print, «(1, obj)»)`, 'a tuple holding obj'),
    marked(`${W}weakref.finalize(obj, print, «{'o': obj}»)`, 'a dict holding obj'),
    marked(`${W}weakref.finalize(obj, print, key=«obj»)`, 'obj itself'),
    marked(
      `${W}def f(obj):\n    def cb():\n        obj.close()\n    weakref.finalize(obj, «cb»)`,
      'cb(), a function that uses obj',
    ),
    marked(`from weakref import finalize\nfinalize(obj, «obj.close»)`, 'finalize holds its callback strongly'),
    marked(`import weakref as wr\nwr.finalize(obj, «functools.partial(print, obj)»)`, 'a partial holding obj'),
    marked(
      `${W}class Conn:\n    def __init__(self):\n        self._f = weakref.finalize(self, «self.close»)\n    def close(self):\n        pass`,
      'self.close, a bound method of self',
    ),
    marked(`${W}weakref.finalize(obj, «obj.close», «obj»)`, 'obj.close, a bound method of obj', 'obj itself'),
  ],
});

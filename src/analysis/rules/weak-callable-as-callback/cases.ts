// weak-callable-as-callback: each case states what the rule must do; every invalid case was reviewed by hand.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, type PyCases, type RuleCaseTables } from '../caseTable';

const python: PyCases = {
  valid: [
    'import weakref\nhandlers = [weakref.ref(h) for h in hs]\nfor r in handlers:\n    fn = r()\n    if fn is not None:\n        fn()',
    'import atexit, weakref\nclass Camera:\n    def __init__(self):\n        r = weakref.WeakMethod(self.unload)\n        def unload():\n            m = r()\n            if m is not None:\n                m()\n        atexit.register(unload)\n    def unload(self):\n        pass',
    'import atexit, weakref\natexit.register(weakref.proxy(obj).close)',
    'import weakref\nbus.callback(weakref.ref(handler))',
    'import weakref\nsubscribers.enter(1, 1, weakref.ref(handler))',
    'import weakref\nr = weakref.ref(a) if a else None\nloop.call_soon(r)',
    'import weakref\nweakref.finalize(obj, print, weakref.ref(x))',
  ],
  invalid: [
    {
      ...marked(
        'import atexit, weakref\nclass Camera:\n    def __init__(self):\n        atexit.register(«weakref.WeakMethod(self.unload)»)\n    def unload(self):\n        pass',
        {
          message: 'calling it returns its target and does not call it',
          messageId: 'returnsTarget',
          data: { value: 'weakref.WeakMethod(self.unload)', api: 'weakref.WeakMethod', callee: 'atexit.register' },
        },
      ),
      output:
        'import atexit, weakref\nclass Camera:\n    def __init__(self):\n        def _call_unload(*args, _ref=weakref.WeakMethod(self.unload), **kwargs):\n            target = _ref()\n            if target is not None:\n                return target(*args, **kwargs)\n        atexit.register(_call_unload)\n    def unload(self):\n        pass',
    },
    marked(
      'import threading, weakref\nclass Worker:\n    def __init__(self):\n        self._run = weakref.WeakMethod(self.run)\n        threading.Thread(target=«self._run»).start()\n    def run(self):\n        pass',
      {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'self._run', api: 'weakref.WeakMethod', callee: 'threading.Thread' },
      },
    ),
    {
      ...marked(
        'import asyncio, weakref\ndef schedule(loop, handler):\n    r = weakref.ref(handler)\n    loop.call_later(1.0, «r»)',
        {
          message: 'calling it returns its target and does not call it',
          messageId: 'returnsTarget',
          data: { value: 'r', api: 'weakref.ref', callee: 'loop.call_later' },
        },
      ),
      output: null,
    },
    {
      ...marked('import weakref\ndef watch(fut, handler):\n    fut.add_done_callback(«weakref.ref(handler)»)', {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(handler)', api: 'weakref.ref', callee: 'fut.add_done_callback' },
      }),
      output:
        'import weakref\ndef watch(fut, handler):\n    def _call_handler(*args, _ref=weakref.ref(handler), **kwargs):\n        target = _ref()\n        if target is not None:\n            return target(*args, **kwargs)\n    fut.add_done_callback(_call_handler)',
    },
    marked('import weakref\nr = weakref.ref(cleanup)\nweakref.finalize(obj, «r»)', {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'r', api: 'weakref.ref', callee: 'weakref.finalize' },
    }),
    marked('import contextlib, weakref\nstack = contextlib.ExitStack()\nstack.callback(«weakref.ref(close)»)', {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'weakref.ref(close)', api: 'weakref.ref', callee: 'stack.callback' },
    }),
    marked('import sched, weakref\ns = sched.scheduler()\ns.enter(5, 1, «weakref.WeakMethod(job.run)»)', {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'weakref.WeakMethod(job.run)', api: 'weakref.WeakMethod', callee: 's.enter' },
    }),
    {
      ...marked('import signal, weakref\nsignal.signal(signal.SIGTERM, «weakref.ref(on_term)»)', {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(on_term)', api: 'weakref.ref', callee: 'signal.signal' },
      }),
      output:
        'import signal, weakref\ndef _call_on_term(*args, _ref=weakref.ref(on_term), **kwargs):\n    target = _ref()\n    if target is not None:\n        return target(*args, **kwargs)\nsignal.signal(signal.SIGTERM, _call_on_term)',
    },
    {
      ...marked("import functools, weakref\nhandler = functools.partial(«weakref.ref(log)», 'x')", {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(log)', api: 'weakref.ref', callee: 'functools.partial' },
      }),
      output:
        "import functools, weakref\ndef _call_log(*args, _ref=weakref.ref(log), **kwargs):\n    target = _ref()\n    if target is not None:\n        return target(*args, **kwargs)\nhandler = functools.partial(_call_log, 'x')",
    },
    {
      ...marked('import atexit, weakref\nif ready: atexit.register(«weakref.ref(close)»)', {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(close)', api: 'weakref.ref', callee: 'atexit.register' },
      }),
      output: null,
    },
    {
      ...marked('import atexit, weakref\nclass Cache:\n    atexit.register(«weakref.ref(close)»)', {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(close)', api: 'weakref.ref', callee: 'atexit.register' },
      }),
      output: null,
    },
    {
      ...marked('import atexit, weakref\n_call_close = 1\natexit.register(«weakref.ref(self.close)»)', {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.ref(self.close)', api: 'weakref.ref', callee: 'atexit.register' },
      }),
      output:
        'import atexit, weakref\n_call_close = 1\ndef _call_close2(*args, _ref=weakref.ref(self.close), **kwargs):\n    target = _ref()\n    if target is not None:\n        return target(*args, **kwargs)\natexit.register(_call_close2)',
    },
  ],
};

export const cases: RuleCaseTables = { python };

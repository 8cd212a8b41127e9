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
    marked(
      'import atexit, weakref\nclass Camera:\n    def __init__(self):\n        atexit.register(«weakref.WeakMethod(self.unload)»)\n    def unload(self):\n        pass',
      {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'weakref.WeakMethod(self.unload)', api: 'weakref.WeakMethod', callee: 'atexit.register' },
      },
    ),
    marked(
      'import threading, weakref\nclass Worker:\n    def __init__(self):\n        self._run = weakref.WeakMethod(self.run)\n        threading.Thread(target=«self._run»).start()\n    def run(self):\n        pass',
      {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'self._run', api: 'weakref.WeakMethod', callee: 'threading.Thread' },
      },
    ),
    marked(
      'import asyncio, weakref\ndef schedule(loop, handler):\n    r = weakref.ref(handler)\n    loop.call_later(1.0, «r»)',
      {
        message: 'calling it returns its target and does not call it',
        messageId: 'returnsTarget',
        data: { value: 'r', api: 'weakref.ref', callee: 'loop.call_later' },
      },
    ),
    marked('import weakref\ndef watch(fut, handler):\n    fut.add_done_callback(«weakref.ref(handler)»)', {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'weakref.ref(handler)', api: 'weakref.ref', callee: 'fut.add_done_callback' },
    }),
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
    marked('import signal, weakref\nsignal.signal(signal.SIGTERM, «weakref.ref(on_term)»)', {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'weakref.ref(on_term)', api: 'weakref.ref', callee: 'signal.signal' },
    }),
    marked("import functools, weakref\nhandler = functools.partial(«weakref.ref(log)», 'x')", {
      message: 'calling it returns its target and does not call it',
      messageId: 'returnsTarget',
      data: { value: 'weakref.ref(log)', api: 'weakref.ref', callee: 'functools.partial' },
    }),
  ],
};

export const cases: RuleCaseTables = { python };

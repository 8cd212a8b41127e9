// weak-key-held-by-value: its case table, run by the Python front end's tests (see ../caseTable.ts).
import { marked, type PyCases, type RuleCaseTables } from '../caseTable';

// Python (the only language of this rule): a WeakKeyDictionary value that reaches its key keeps the
// entry for ever (the tutorial's observer does this through subscribe(player, player.on_event)).
const W = 'import weakref\n';
const P = `${W}class Player:\n    def on_event(self, e):\n        pass\n    @staticmethod\n    def log(e):\n        pass\n`;
const HUB = `${W}class Session:\n    def on_logout(self):\n        pass\n    label = 'x'\nclass Hub:\n    def __init__(self):\n        self._listeners = weakref.WeakKeyDictionary()\n`;
const MANAGER = `${P}class Manager:\n    def __init__(self):\n        self._observers = weakref.WeakKeyDictionary()\n    def subscribe(self, observer, callback):\n        if observer not in self._observers:\n            self._observers[observer] = []\n        self._observers[observer].append(callback)\nmanager = Manager()\np = Player()\n`;

const python: PyCases = {
  valid: [
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = {'last_login': '2024-01-15'}`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = obj.name`,
    `${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd[p] = p.log`,
    `${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd[p] = weakref.WeakMethod(p.on_event)`,
    `${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd[p] = Player.on_event`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = weakref.ref(obj)`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = [other]`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = lambda x: x`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = lambda obj: obj.close()`,
    `${W}d = weakref.WeakValueDictionary()\nd[obj] = obj`,
    `${W}d = {}\nd[obj] = obj`,
    `${W}d = weakref.WeakKeyDictionary()\nd[a] = b`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj].append(other)`,
    `${W}d = weakref.WeakKeyDictionary()\nd.setdefault(obj, []).append(time.time())`,
    `${MANAGER}manager.subscribe(p, print)`,
    `${MANAGER}q = Player()\nmanager.subscribe(p, q.on_event)`,
    `${MANAGER}manager.subscribe(p, p.log)`,
    `${MANAGER}manager.subscribe(p, weakref.WeakMethod(p.on_event))`,
    `${W}def subscribe(d, observer, callback):\n    d[observer] = callback\nsubscribe(x, p, p.on_event)`,
    `${W}class Registry:\n    def __init__(self):\n        self._times = weakref.WeakKeyDictionary()\n    def register(self, obj_id, obj):\n        self._times[obj] = time.time()\nr = Registry()\nr.register('a', thing)`,
    `${W}d = weakref.WeakKeyDictionary()\nd[obj] = None`,
    `${W}d: weakref.WeakKeyDictionary[object, object] = {}\nd[obj] = obj`,
    `${W}d: 'dict[object, object]' = make()\nd[obj] = obj`,
    `${HUB}    def add(self, session):\n        self._listeners[session] = session.on_logout`,
    `${HUB}    def add(self, session: Session):\n        self._listeners[session] = session.label`,
    `${HUB}    def add(self, session: Optional[Session]):\n        self._listeners[session] = session.on_logout`,
  ],
  invalid: [
    marked(`${HUB}    def add(self, session: Session):\n        self._listeners[session] = «session.on_logout»`, {
      message: 'This WeakKeyDictionary value holds its key',
      messageId: 'valueHoldsKey',
      data: { how: 'session.on_logout, a bound method of session' },
    }),
    marked(`${HUB}    def add(self, session: 'Session'):\n        self._listeners[session] = «session.on_logout»`, {
      message: 'This WeakKeyDictionary value holds its key',
      messageId: 'valueHoldsKey',
      data: { how: 'session.on_logout, a bound method of session' },
    }),
    marked(
      `${HUB}    def add(self):\n        session = Session()\n        self._listeners[session] = «session.on_logout»`,
      {
        message: 'This WeakKeyDictionary value holds its key',
        messageId: 'valueHoldsKey',
        data: { how: 'session.on_logout, a bound method of session' },
      },
    ),
    marked(`${P}p = Player()\nd: weakref.WeakKeyDictionary[Player, object] = make()\nd[p] = «p.on_event»`, {
      message: 'This WeakKeyDictionary value holds its key',
      messageId: 'valueHoldsKey',
      data: { how: 'p.on_event, a bound method of p' },
    }),
    marked(`from weakref import WeakKeyDictionary\nd: 'WeakKeyDictionary[object, list]' = make()\nd[obj] = «[obj]»`, {
      message: 'This WeakKeyDictionary value holds its key',
      messageId: 'valueHoldsKey',
      data: { how: 'a list holding obj' },
    }),
    marked(`${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd[p] = «p.on_event»`, {
      message:
        'This WeakKeyDictionary value holds its key (p.on_event, a bound method of p), so the key is never collected and the entry never goes away',
      messageId: 'valueHoldsKey',
      data: { how: 'p.on_event, a bound method of p' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj] = «obj»`, {
      message: '(obj itself)',
      messageId: 'valueHoldsKey',
      data: { how: 'obj itself' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj] = «[obj]»`, {
      message: '(a list holding obj)',
      messageId: 'valueHoldsKey',
      data: { how: 'a list holding obj' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj] = «(obj, 1)»`, {
      message: '(a tuple holding obj)',
      messageId: 'valueHoldsKey',
      data: { how: 'a tuple holding obj' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj] = «{'owner': obj}»`, {
      message: '(a dict holding obj)',
      messageId: 'valueHoldsKey',
      data: { how: 'a dict holding obj' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj] = «lambda: obj.close()»`, {
      message: '(a lambda that uses obj)',
      messageId: 'valueHoldsKey',
      data: { how: 'a lambda that uses obj' },
    }),
    marked(`${W}d = weakref.WeakKeyDictionary()\nd[obj].append(«obj»)`, {
      message: '(obj itself)',
      messageId: 'valueHoldsKey',
      data: { how: 'obj itself' },
    }),
    marked(`${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd.setdefault(p, []).append(«p.on_event»)`, {
      message: 'p.on_event, a bound method of p',
      messageId: 'valueHoldsKey',
      data: { how: 'p.on_event, a bound method of p' },
    }),
    marked(`${P}p = Player()\nd = weakref.WeakKeyDictionary()\nd.setdefault(p, «[p.on_event]»)`, {
      message: 'a list holding p',
      messageId: 'valueHoldsKey',
      data: { how: 'a list holding p' },
    }),
    marked(`from weakref import WeakKeyDictionary\nd = WeakKeyDictionary()\nd[obj] = «functools.partial(print, obj)»`, {
      message: 'a partial holding obj',
      messageId: 'valueHoldsKey',
      data: { how: 'a partial holding obj' },
    }),
    marked(`${MANAGER}manager.subscribe(p, «p.on_event»)`, {
      message:
        'subscribe() stores this value in a WeakKeyDictionary under p, and p.on_event, a bound method of p: the key is never collected',
      messageId: 'storedUnderKey',
      data: { function: 'subscribe', key: 'p', how: 'p.on_event, a bound method of p' },
    }),
    marked(
      `${P}def subscribe(d, observer, callback):\n    d[observer] = callback\nobservers = weakref.WeakKeyDictionary()\np = Player()\nsubscribe(observers, p, «p.on_event»)`.replace(
        'd[observer] = callback',
        'observers[observer] = callback',
      ),
      {
        message: 'subscribe() stores this value in a WeakKeyDictionary under p',
        messageId: 'storedUnderKey',
        data: { function: 'subscribe', key: 'p', how: 'p.on_event, a bound method of p' },
      },
    ),
    marked(
      `${W}class Node:\n    def __init__(self):\n        self._meta = weakref.WeakKeyDictionary()\n    def tag(self, other):\n        self._meta[other] = «[other, 1]»`,
      { message: 'a list holding other', messageId: 'valueHoldsKey', data: { how: 'a list holding other' } },
    ),
    marked(
      `${W}class C:\n    def run(self):\n        pass\n    def attach(self, d: weakref.WeakKeyDictionary):\n        handlers = weakref.WeakKeyDictionary()\n        handlers[self] = «self.run»`,
      {
        message: 'self.run, a bound method of self',
        messageId: 'valueHoldsKey',
        data: { how: 'self.run, a bound method of self' },
      },
    ),
  ],
};

export const cases: RuleCaseTables = { python };

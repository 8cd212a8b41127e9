// cleanup-removes-live-entry: each case states what the rule must do; every invalid case was reviewed by hand.
// The JavaScript table is run by the engine's tests and ESLint's RuleTester, the Python one by the
// Python front end's tests (see ../caseTable.ts).
import { marked, type PyCases, type RuleCaseTables, type RuleCases } from '../caseTable';

const javascript: RuleCases = {
  valid: [
    'const channels = new Map();\nconst registry = new FinalizationRegistry((name) => {\n  if (!channels.get(name)?.deref()) channels.delete(name);\n});\nfunction open(name, ch) {\n  channels.set(name, new WeakRef(ch));\n  registry.register(ch, name);\n}',
    'const channels = new Map();\nconst registry = new FinalizationRegistry(({ name, ref }) => {\n  if (channels.get(name) === ref) channels.delete(name);\n});\nfunction open(name, ch) {\n  const ref = new WeakRef(ch);\n  channels.set(name, ref);\n  registry.register(ch, { name, ref });\n}',
    "const channels = new Map();\nconst registry = new FinalizationRegistry((id) => channels.delete(id));\nfunction open(ch) {\n  const id = Symbol('channel');\n  channels.set(id, new WeakRef(ch));\n  registry.register(ch, id);\n}",
    'const channels = new Map();\nlet next = 0;\nconst registry = new FinalizationRegistry((id) => channels.delete(id));\nfunction open(ch) {\n  channels.set(++next, new WeakRef(ch));\n  registry.register(ch, next);\n}',
    'const channels = new Map();\nconst registry = new FinalizationRegistry((id) => channels.delete(id));\nfunction open(ch) {\n  const id = crypto.randomUUID();\n  channels.set(id, new WeakRef(ch));\n  registry.register(ch, id);\n}',
    'const counts = new Map();\nconst registry = new FinalizationRegistry((name) => counts.delete(name));\nfunction open(name, ch) {\n  counts.set(name, 1);\n  registry.register(ch, name);\n}',
    'const channels = new Map();\nconst registry = new FinalizationRegistry((name) => other.delete(name));\nchannels.set(name, new WeakRef(ch));',
    'const channels = new Map();\nconst registry = new FinalizationRegistry(() => channels.delete(current));\nchannels.set(current, new WeakRef(ch));',
    'const channels = new Map();\nconst registry = new FinalizationRegistry((name) => {\n  const later = () => channels.delete(name);\n  queue(later);\n});\nchannels.set(name, new WeakRef(ch));',
  ],
  invalid: [
    {
      code: 'const channels = new Map();\nconst registry = new FinalizationRegistry((name) => channels.delete(name));\nfunction open(name) {\n  const ch = { name };\n  channels.set(name, new WeakRef(ch));\n  registry.register(ch, name);\n  return ch;\n}',
      errors: [
        {
          messageId: 'deletesByKey',
          data: {
            map: 'channels',
            key: 'name',
          },
          line: 2,
          column: 53,
          endColumn: 74,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Delete only when the entry is still dead',
              output:
                'const channels = new Map();\nconst registry = new FinalizationRegistry((name) => channels.get(name)?.deref() === undefined && channels.delete(name));\nfunction open(name) {\n  const ch = { name };\n  channels.set(name, new WeakRef(ch));\n  registry.register(ch, name);\n  return ch;\n}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: 'const channels = new Map();\nconst registry = new FinalizationRegistry((held) => {\n  channels.delete(held.name);\n});\nfunction open(name) {\n  const ch = { name };\n  const ref = new WeakRef(ch);\n  channels.set(name, ref);\n  registry.register(ch, { name });\n}',
      errors: [
        {
          messageId: 'deletesByKey',
          data: {
            map: 'channels',
            key: 'held.name',
          },
          line: 3,
          column: 3,
          endColumn: 29,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Delete only when the entry is still dead',
              output:
                'const channels = new Map();\nconst registry = new FinalizationRegistry((held) => {\n  channels.get(held.name)?.deref() === undefined && channels.delete(held.name);\n});\nfunction open(name) {\n  const ch = { name };\n  const ref = new WeakRef(ch);\n  channels.set(name, ref);\n  registry.register(ch, { name });\n}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: 'const cache = {};\nfunction cleanup(key) {\n  delete cache[key];\n}\nconst registry = new FinalizationRegistry(cleanup);\nfunction put(key, value) {\n  cache[key] = new WeakRef(value);\n  registry.register(value, key);\n}',
      errors: [
        {
          messageId: 'deletesByKey',
          data: {
            map: 'cache',
            key: 'key',
          },
          line: 3,
          column: 3,
          endColumn: 20,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Delete only when the entry is still dead',
              output:
                'const cache = {};\nfunction cleanup(key) {\n  cache[key]?.deref() === undefined && delete cache[key];\n}\nconst registry = new FinalizationRegistry(cleanup);\nfunction put(key, value) {\n  cache[key] = new WeakRef(value);\n  registry.register(value, key);\n}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: 'class Cache {\n  #entries = new Map();\n  #registry = new FinalizationRegistry((key) => this.#entries.delete(key));\n  set(key, value) {\n    this.#entries.set(key, new WeakRef(value));\n    this.#registry.register(value, key);\n  }\n}',
      errors: [
        {
          messageId: 'deletesByKey',
          data: {
            map: 'this.#entries',
            key: 'key',
          },
          line: 3,
          column: 49,
          endColumn: 74,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Delete only when the entry is still dead',
              output:
                'class Cache {\n  #entries = new Map();\n  #registry = new FinalizationRegistry((key) => this.#entries.get(key)?.deref() === undefined && this.#entries.delete(key));\n  set(key, value) {\n    this.#entries.set(key, new WeakRef(value));\n    this.#registry.register(value, key);\n  }\n}',
            },
          ],
        },
      ],
      output: null,
    },
    {
      code: 'const sockets: Map<string, WeakRef<Socket>> = new Map();\nconst registry = new FinalizationRegistry<string>((id) => {\n  sockets.delete(id);\n});',
      errors: [
        {
          messageId: 'deletesByKey',
          data: {
            map: 'sockets',
            key: 'id',
          },
          line: 3,
          column: 3,
          endColumn: 21,
          severity: 'warning',
          suggestions: [
            {
              desc: 'Delete only when the entry is still dead',
              output:
                'const sockets: Map<string, WeakRef<Socket>> = new Map();\nconst registry = new FinalizationRegistry<string>((id) => {\n  sockets.get(id)?.deref() === undefined && sockets.delete(id);\n});',
            },
          ],
        },
      ],
      output: null,
      ts: true,
    },
  ],
};

const python: PyCases = {
  valid: [
    'import weakref\nchannels = {}\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch, lambda r: channels.pop(name, None))\n    return ch',
    'import weakref\nchannels = weakref.WeakValueDictionary()\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = ch\n    weakref.finalize(ch, channels.pop, name, None)\n    return ch',
    'import weakref\ncounts = {}\ndef open_channel(name):\n    ch = Channel(name)\n    counts[name] = 1\n    weakref.finalize(ch, counts.pop, name, None)\n    return ch',
    'import weakref, uuid\nchannels = {}\ndef open_channel():\n    ch = Channel()\n    key = uuid.uuid4()\n    channels[uuid.uuid4()] = weakref.ref(ch)\n    weakref.finalize(ch, channels.pop, key, None)\n    return ch',
    'import weakref\nchannels = {}\ndef forget(name, ref):\n    if channels.get(name) is ref:\n        del channels[name]\ndef open_channel(name):\n    ch = Channel(name)\n    r = channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, forget, name, r)\n    return ch',
    'import weakref\nchannels = {}\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, print, name)\n    return ch',
  ],
  invalid: [
    marked(
      'import weakref\nchannels = {}\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, «channels.pop», name, None)\n    return ch',
      {
        message: 'without reading it again',
        messageId: 'finalizeDeletesByKey',
        data: { map: 'channels', key: 'name' },
      },
    ),
    marked(
      'import weakref\nchannels = {}\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, «channels.__delitem__», name)\n    return ch',
      {
        message: 'without reading it again',
        messageId: 'finalizeDeletesByKey',
        data: { map: 'channels', key: 'name' },
      },
    ),
    marked(
      'import weakref\nchannels = {}\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, «lambda: channels.pop(name, None)»)\n    return ch',
      {
        message: 'without reading it again',
        messageId: 'finalizeDeletesByKey',
        data: { map: 'channels', key: 'name' },
      },
    ),
    {
      ...marked(
        'import weakref\nchannels = {}\ndef forget(name):\n    del channels[name]\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, «forget», name)\n    return ch',
        {
          message: 'without reading it again',
          messageId: 'finalizeDeletesByKey',
          data: { map: 'channels', key: 'name' },
        },
      ),
      output:
        'import weakref\nchannels = {}\ndef forget(name):\n    if name in channels and channels[name]() is None:\n        del channels[name]\ndef open_channel(name):\n    ch = Channel(name)\n    channels[name] = weakref.ref(ch)\n    weakref.finalize(ch, forget, name)\n    return ch',
    },
    {
      ...marked(
        'import weakref\nconns = {}\ndef drop(host):\n    del conns[host], seen[host]\ndef get(host):\n    conn = Conn(host)\n    conns[host] = weakref.ref(conn)\n    weakref.finalize(conn, «drop», host)\n    return conn\n',
        {
          message: 'without reading it again',
          messageId: 'finalizeDeletesByKey',
          data: { map: 'conns', key: 'host' },
        },
      ),
      output: null,
    },
    {
      ...marked(
        'import weakref\nconns = {}\ndef drop(host):\n\tconns.pop(host, None)  # gone\ndef get(host):\n\tconn = Conn(host)\n\tconns[host] = weakref.ref(conn)\n\tweakref.finalize(conn, «drop», host)\n\treturn conn\n',
        {
          message: 'without reading it again',
          messageId: 'finalizeDeletesByKey',
          data: { map: 'conns', key: 'host' },
        },
      ),
      output:
        'import weakref\nconns = {}\ndef drop(host):\n\tif host in conns and conns[host]() is None:\n\t\tconns.pop(host, None)  # gone\ndef get(host):\n\tconn = Conn(host)\n\tconns[host] = weakref.ref(conn)\n\tweakref.finalize(conn, drop, host)\n\treturn conn\n',
    },
    {
      ...marked(
        'import weakref\nconns = {}\ndef drop(host): del conns[host]\ndef get(host):\n    conn = Conn(host)\n    conns[host] = weakref.ref(conn)\n    weakref.finalize(conn, «drop», host)\n    return conn\n',
        {
          message: 'without reading it again',
          messageId: 'finalizeDeletesByKey',
          data: { map: 'conns', key: 'host' },
        },
      ),
      output: null,
    },
    marked(
      'import weakref\nclass Pool:\n    def __init__(self):\n        self._conns = {}\n    def get(self, host):\n        conn = Conn(host)\n        self._conns[host] = weakref.ref(conn)\n        weakref.finalize(conn, «self._conns.pop», host, None)\n        return conn',
      {
        message: 'without reading it again',
        messageId: 'finalizeDeletesByKey',
        data: { map: 'self._conns', key: 'host' },
      },
    ),
  ],
};

export const cases: RuleCaseTables = { javascript, python };

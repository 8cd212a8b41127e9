// Loaded with `node --require` before a program runs under the memory view. It records every
// object that becomes a weak target and, at each gc() the program calls and once at the end,
// writes a checkpoint (and a heap snapshot) for src/memory/jsMemory.ts to read.
//
// It must not change what the program does or how long anything lives:
// - it never holds a target: a WeakMap (target -> tag) finds a target's tag, and the preload
//   holds only WeakRefs to the tags. A WeakRef keeps its target until the end of the current job,
//   so it is made to the tag, never to the target;
// - it reads a target's type through property descriptors, never through getters or proxy traps;
// - it writes to its own file, never to stdout or stderr;
// - the end checkpoint is taken after the program's own 'exit' listeners, so nothing the
//   program can observe runs after its collection (a FinalizationRegistry callback never runs).
// Plain Node, no imports but Node's own: it runs inside the learner's program.
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import * as v8 from 'v8';
import { PRELOAD_ENV, TAG_PROPERTY_PREFIX, type PreloadEvent } from './preloadProtocol';

function install(): void {
  const dir = process.env[PRELOAD_ENV.dir];
  if (!dir) return;
  const maxHeap = Number(process.env[PRELOAD_ENV.maxHeapBytes] ?? '') || 256 * 1024 * 1024;
  const maxSnapshots = Number(process.env[PRELOAD_ENV.maxSnapshots] ?? '') || 10;
  // The program must not see our variables (or pass them on to a child it starts).
  for (const key of Object.values(PRELOAD_ENV)) delete process.env[key];
  const eventsFile = path.join(dir, 'events.jsonl');
  const send = (event: PreloadEvent) => fs.appendFileSync(eventsFile, JSON.stringify(event) + '\n');
  send({ t: 'start', runtime: `node ${process.version}` });

  const OriginalWeakRef = WeakRef;
  const OriginalWeakMap = WeakMap;
  const tags = new OriginalWeakMap<object, object>();
  // Captured before they are wrapped below: the preload's own table is not a weak target.
  const apply = Reflect.apply;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called through Reflect.apply
  const { get: weakMapGet, set: weakMapSet } = WeakMap.prototype;
  const tagRefs: { id: number; ref: WeakRef<object> }[] = [];
  let nextId = 1;
  const preloadFile = __filename;

  /** The first frame outside this file: the learner's call. */
  const callerSite = (): { file?: string; line?: number; functions?: string[]; byNode?: boolean } => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called
    const saved = { prepare: Error.prepareStackTrace, limit: Error.stackTraceLimit };
    let sites: NodeJS.CallSite[] = [];
    try {
      Error.stackTraceLimit = 20;
      Error.prepareStackTrace = (_e, s) => s;
      const holder: { stack?: unknown } = {};
      Error.captureStackTrace(holder);
      sites = Array.isArray(holder.stack) ? (holder.stack as NodeJS.CallSite[]) : [];
    } finally {
      Error.prepareStackTrace = saved.prepare;
      Error.stackTraceLimit = saved.limit;
    }
    const caller = sites.find((s) => s.getFileName() !== preloadFile);
    // Node's own modules make weak targets too (AbortSignal, for one): those are not the program's.
    if (caller?.getFileName()?.startsWith('node:')) return { byNode: true };
    const own = sites.filter((s) => {
      const f = s.getFileName();
      return f !== undefined && f !== null && f !== preloadFile && !f.startsWith('node:');
    });
    const site = own[0];
    if (!site) return {};
    const file = site.getFileName() ?? undefined;
    return {
      file: file?.startsWith('file://') ? fileUrlToPath(file) : file,
      line: site.getLineNumber() ?? undefined,
      functions: own.map((s) => s.getFunctionName() ?? '').filter(Boolean),
    };
  };

  const record = (target: unknown, kind: string) => {
    if ((typeof target !== 'object' || target === null) && typeof target !== 'function' && typeof target !== 'symbol')
      return; // the call will throw: nothing became a weak target
    const site = callerSite();
    if (site.byNode) return;
    const key = target as object;
    let tag = apply(weakMapGet, tags, [key]) as Record<string, unknown> | undefined;
    if (!tag) {
      tag = Object.create(null) as Record<string, unknown>;
      apply(weakMapSet, tags, [key, tag]);
    }
    if (tag[kind]) return; // the same object made the same kind of target again
    tag[kind] = true;
    const id = nextId++;
    tag[TAG_PROPERTY_PREFIX + id] = TAG_PROPERTY_PREFIX; // a string: a number (a Smi) has no edge in a snapshot
    tagRefs.push({ id, ref: new OriginalWeakRef(tag) });
    send({ t: 'target', id, kind, type: typeName(target), file: site.file, line: site.line });
  };

  // WeakRef: a proxy, so `new WeakRef(x)` still makes a plain WeakRef (same prototype, same
  // constructor, same printout).
  globalThis.WeakRef = new Proxy(OriginalWeakRef, {
    construct(target, args, newTarget) {
      const made = Reflect.construct(target, args, newTarget === globalThis.WeakRef ? target : newTarget) as object;
      record(args[0], 'WeakRef target');
      return made;
    },
  });
  // `ref.constructor === WeakRef` must stay true in the program, as it is without the memory view.
  Object.defineProperty(OriginalWeakRef.prototype, 'constructor', {
    ...Object.getOwnPropertyDescriptor(OriginalWeakRef.prototype, 'constructor'),
    value: globalThis.WeakRef,
  });
  const wrapMethod = <T extends object>(proto: T, name: keyof T & string, kind: string) => {
    const original = proto[name] as unknown as (...args: unknown[]) => unknown;
    const wrapped = {
      [name](this: unknown, ...args: unknown[]) {
        const result = apply(original, this, args);
        record(args[0], kind);
        return result;
      },
    }[name];
    Object.defineProperty(wrapped, 'length', { value: original.length });
    Object.defineProperty(proto, name, { ...Object.getOwnPropertyDescriptor(proto, name), value: wrapped });
  };
  wrapMethod(WeakMap.prototype, 'set', 'WeakMap key');
  wrapMethod(WeakSet.prototype, 'add', 'WeakSet value');
  wrapMethod(FinalizationRegistry.prototype, 'register', 'FinalizationRegistry target');

  let snapshots = 0;
  let gcCalls = 0;
  const checkpoint = (label: string, site: { file?: string; line?: number }) => {
    const alive = tagRefs.filter((t) => t.ref.deref() !== undefined).map((t) => t.id);
    const event: PreloadEvent = { t: 'checkpoint', label, ...site, alive };
    if (alive.length === 0) {
      // nothing alive: no chain to find, and no snapshot to pay for
    } else if (snapshots >= maxSnapshots)
      event.skipped = `only the first ${maxSnapshots} checkpoints get a heap snapshot`;
    else if (v8.getHeapStatistics().used_heap_size > maxHeap)
      event.skipped = `the heap (${mb(v8.getHeapStatistics().used_heap_size)}) is larger than the snapshot limit (${mb(maxHeap)})`;
    else {
      snapshots += 1;
      const name = `checkpoint-${snapshots}.heapsnapshot`;
      v8.writeHeapSnapshot(path.join(dir, name));
      event.snapshot = name;
    }
    send(event);
  };

  const originalGc = (globalThis as { gc?: (...args: unknown[]) => unknown }).gc;
  if (typeof originalGc === 'function') {
    (globalThis as { gc?: unknown }).gc = function gc(...args: unknown[]) {
      const result = originalGc(...args);
      gcCalls += 1;
      checkpoint(`gc() #${gcCalls}`, callerSite());
      return result;
    };
  }

  // After every 'exit' listener of the program: process.emit is what Node calls for 'exit'.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this, ...)
  const originalEmit = process.emit;
  let ended = false;
  process.emit = function emit(this: NodeJS.Process, event: string | symbol, ...args: unknown[]) {
    const result = (originalEmit as (...a: unknown[]) => boolean).call(this, event, ...args);
    if (event === 'exit' && !ended) {
      ended = true;
      try {
        originalGc?.();
        checkpoint('end', {});
      } catch {
        // The program is leaving; what was gathered so far is kept.
      }
    }
    return result;
  } as typeof process.emit;
}

function typeName(value: unknown): string {
  if (typeof value === 'symbol') return 'Symbol';
  if (util.types.isProxy(value)) return 'Proxy';
  if (typeof value === 'function') {
    const name = Object.getOwnPropertyDescriptor(value, 'name')?.value as unknown;
    return typeof name === 'string' && name ? `function ${name}` : 'function';
  }
  let proto: unknown = Reflect.getPrototypeOf(value as object);
  while (proto) {
    const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
    if (typeof ctor === 'function') {
      const name = Object.getOwnPropertyDescriptor(ctor, 'name')?.value as unknown;
      if (typeof name === 'string' && name) return name;
    }
    proto = Reflect.getPrototypeOf(proto);
  }
  return 'Object';
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

function fileUrlToPath(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url;
  }
}

install();

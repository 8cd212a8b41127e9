// weak-callable-as-callback (Python): calling a weakref.ref or WeakMethod returns its target; it
// does not call it. Handed to an API that calls back (atexit, signal, threads, timers, the event
// loop, futures, finalize, ExitStack, partial, sched), it "runs" without doing anything.
import { pythonCheck, type PyContext } from '../../python/context';
import { positionalArgs } from '../../python/sites';
import { named, unparen, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

const API_WORDS = { ref: 'weakref.ref', WeakMethod: 'weakref.WeakMethod' } as const;

/** Functions named in full (module.function) and the position of the callable they take. */
const FUNCTIONS: Record<string, number> = {
  'atexit.register': 0,
  'signal.signal': 1,
  'threading.Timer': 1,
  'functools.partial': 0,
};
/** Methods specific enough to name an event loop or a future, and the callable's position. */
const METHODS: Record<string, number> = {
  call_soon: 0,
  call_soon_threadsafe: 0,
  call_later: 1,
  call_at: 1,
  add_done_callback: 0,
};
/** Methods whose receiver must be seen made by a known constructor. */
const CONSTRUCTED_METHODS: Record<string, { made: RegExp; at: number }> = {
  callback: { made: /(^|\.)ExitStack$/, at: 0 },
  enter: { made: /(^|\.)scheduler$/, at: 2 },
  enterabs: { made: /(^|\.)scheduler$/, at: 2 },
};

function keyword(call: PyNode, name: string, ctx: PyContext): PyNode | undefined {
  const args = call.children[1];
  if (args?.type !== 'ArgList') return undefined;
  for (let i = 0; i < args.children.length; i++) {
    const c = args.children[i];
    if (c.type === 'VariableName' && ctx.model.text(c) === name && args.children[i + 1]?.type === 'AssignOp')
      return args.children[i + 2];
  }
  return undefined;
}

/** The callable argument of a call that calls back, if the call is one. */
function callbackArgument(ctx: PyContext, call: PyNode): PyNode | undefined {
  const callee = unparen(call.children[0]);
  const text = ctx.model.text(callee).replace(/\s+/g, '');
  const args = positionalArgs(call) ?? [];
  if (ctx.model.calledApi(call) === 'finalize') return args[1];
  if (text === 'threading.Thread') return keyword(call, 'target', ctx);
  if (text in FUNCTIONS) return args[FUNCTIONS[text]];
  if (callee.type !== 'MemberExpression' || !callee.children.some((c) => c.type === '.')) return undefined;
  const [receiver, prop] = named(callee);
  const method = prop ? ctx.model.text(prop) : '';
  if (method in METHODS) return args[METHODS[method]];
  const constructed = CONSTRUCTED_METHODS[method];
  if (constructed && receiver) {
    const made = ctx.model.assignedValues(unparen(receiver));
    if (
      made &&
      made.length > 0 &&
      made.every((v) => {
        const x = unparen(v);
        return x.type === 'CallExpression' && constructed.made.test(ctx.model.text(x.children[0]).replace(/\s+/g, ''));
      })
    )
      return args[constructed.at];
  }
  return undefined;
}

function checkModule(ctx: Context): void {
  for (const call of ctx.calls) {
    const arg = callbackArgument(ctx, call);
    if (!arg) continue;
    const api = ctx.model.weakRefKind(arg);
    if (!api) continue;
    ctx.report({
      node: arg,
      messageId: 'returnsTarget',
      data: {
        value: ctx.model.text(arg),
        api: API_WORDS[api],
        callee: ctx.model.text(call.children[0]),
      },
    });
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));

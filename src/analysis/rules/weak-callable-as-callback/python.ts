// weak-callable-as-callback (Python): calling a weakref.ref or WeakMethod returns its target; it
// does not call it. Handed to an API that calls back (atexit, signal, threads, timers, the event
// loop, futures, finalize, ExitStack, partial, sched), it "runs" without doing anything.
import { pythonCheck, type PyContext } from '../../python/context';
import { positionalArgs } from '../../python/sites';
import { named, unparen, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import type { Fix } from '../../types';
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

/** The simple statement holding n, when it starts its own line (the def goes before it). */
function ownLineStatement(ctx: Context, n: PyNode): { stmt: PyNode; indent: string } | undefined {
  let s = n;
  while (s.parent && s.parent.type !== 'Body' && s.parent.type !== 'Script') s = s.parent;
  if (!s.parent || (s.type !== 'ExpressionStatement' && s.type !== 'AssignStatement')) return undefined;
  // In a class body the def would become a method of the class.
  if (s.parent.parent?.type === 'ClassDefinition') return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', s.from - 1) + 1;
  const indent = ctx.text.slice(lineStart, s.from);
  return /^[ \t]*$/.test(indent) ? { stmt: s, indent } : undefined;
}

/**
 * For `weakref.ref(f)` / `weakref.WeakMethod(m)` written as the argument: a def before the statement
 * that takes the reference as a default (made when the def runs, just before the call, and kept
 * alive by the function as the API kept the reference), calls the target with whatever the API
 * passes, and does nothing once it is gone.
 */
function callWhenAliveFix(ctx: Context, arg: PyNode): Fix | undefined {
  const made = unparen(arg);
  if (made.type !== 'CallExpression') return undefined;
  const at = ownLineStatement(ctx, made);
  if (!at) return undefined;
  const first = positionalArgs(made)?.[0];
  const base = (first && /(\w+)\s*$/.exec(ctx.model.text(first))?.[1]) || 'target';
  let name = `_call_${base}`;
  for (let i = 2; new RegExp(`\\b${name}\\b`).test(ctx.text); i++) name = `_call_${base}${i}`;
  const unit = at.indent.includes('\t') ? '\t' : '    ';
  const inner = at.indent + unit;
  const def =
    `def ${name}(*args, _ref=${ctx.model.text(made)}, **kwargs):\n` +
    `${inner}target = _ref()\n` +
    `${inner}if target is not None:\n` +
    `${inner}${unit}return target(*args, **kwargs)\n` +
    at.indent;
  return ctx.fix(
    'callWhenAlive',
    [
      { start: at.stmt.from, end: at.stmt.from, newText: def },
      { start: arg.from, end: arg.to, newText: name },
    ],
    { name },
  );
}

function checkModule(ctx: Context): void {
  for (const call of ctx.calls) {
    const arg = callbackArgument(ctx, call);
    if (!arg) continue;
    const api = ctx.model.weakRefKind(arg);
    if (!api) continue;
    const fix = callWhenAliveFix(ctx, arg);
    ctx.report({
      node: arg,
      messageId: 'returnsTarget',
      data: {
        value: ctx.model.text(arg),
        api: API_WORDS[api],
        callee: ctx.model.text(call.children[0]),
      },
      fixes: fix ? [fix] : [],
    });
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));

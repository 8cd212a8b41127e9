// weak-ref-always-truthy (Python): a name or `self.attr` only ever given a weakref.ref or
// WeakMethod, tested for truth or compared with None. Neither type has __bool__, so a dead
// reference is as true as a live one; its target is what calling it returns.
import { pythonCheck, type PyContext } from '../../python/context';
import { named, unparen, walk, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

const API_WORDS = { ref: 'weakref.ref', WeakMethod: 'weakref.WeakMethod' } as const;

/** The operator words of a binary expression: `is not`, `and`, `==`. */
function operators(ctx: PyContext, e: PyNode): string {
  const operands = named(e);
  return e.children
    .filter((x) => !operands.includes(x))
    .map((x) => ctx.model.text(x))
    .join(' ');
}

/** The outermost parentheses around `n`. */
function outerParens(n: PyNode): PyNode {
  while (n.parent?.type === 'ParenthesizedExpression') n = n.parent;
  return n;
}

/** Where the value of `n` is only tested for truth: a condition, `not`, `bool(…)`, `assert`, or an `and`/`or` operand that is itself tested. */
function inTestPosition(ctx: PyContext, n: PyNode): boolean {
  const outer = outerParens(n);
  const p = outer.parent;
  if (!p) return false;
  switch (p.type) {
    case 'IfStatement':
    case 'WhileStatement':
      // The conditions are the named children that are not bodies (`elif` adds more).
      return p.children.includes(outer) && outer.type !== 'Body';
    case 'AssertStatement':
      return named(p)[0] === outer;
    case 'ConditionalExpression':
      return named(p)[1] === outer;
    case 'UnaryExpression':
      return p.children[0]?.type === 'not';
    case 'BinaryExpression': {
      const ops = operators(ctx, p);
      return (ops === 'and' || ops === 'or') && inTestPosition(ctx, p);
    }
    case 'ArgList': {
      const call = p.parent;
      const callee = call?.children[0];
      return (
        call?.type === 'CallExpression' &&
        named(p).length === 1 &&
        callee?.type === 'VariableName' &&
        ctx.model.text(callee) === 'bool' &&
        ctx.scopes.resolve(callee) === 'builtin'
      );
    }
  }
  return false;
}

interface Test {
  kind: 'truth' | 'none';
  /** The expression the fix replaces. */
  replaced: PyNode;
  /** The replaced expression is true when the target is gone. */
  whenGone: boolean;
}

function testOf(ctx: PyContext, read: PyNode): Test | undefined {
  const outer = outerParens(read);
  const p = outer.parent;
  if (!p) return undefined;
  if (p.type === 'BinaryExpression') {
    const ops = operators(ctx, p);
    const [l, r] = named(p);
    const other = l === outer ? r : l;
    if ((ops === 'is' || ops === 'is not' || ops === '==' || ops === '!=') && unparen(other ?? p).type === 'None')
      return { kind: 'none', replaced: p, whenGone: ops === 'is' || ops === '==' };
  }
  if (p.type === 'UnaryExpression' && p.children[0]?.type === 'not')
    return { kind: 'truth', replaced: p, whenGone: true };
  if (!inTestPosition(ctx, outer)) return undefined;
  if (p.type === 'ArgList' && p.parent) return { kind: 'truth', replaced: p.parent, whenGone: false };
  return { kind: 'truth', replaced: outer, whenGone: false };
}

/** Parents under which `r() is None` needs no parentheses. */
const OPEN_PARENTS = new Set([
  'IfStatement',
  'WhileStatement',
  'AssertStatement',
  'ConditionalExpression',
  'AssignStatement',
  'ReturnStatement',
  'ArgList',
  'ParenthesizedExpression',
  'ExpressionStatement',
]);

function needsParentheses(ctx: PyContext, replaced: PyNode): boolean {
  const p = replaced.parent;
  if (!p) return false;
  if (p.type === 'BinaryExpression') {
    const ops = operators(ctx, p);
    return ops !== 'and' && ops !== 'or';
  }
  if (p.type === 'UnaryExpression') return p.children[0]?.type !== 'not';
  return !OPEN_PARENTS.has(p.type);
}

function report(ctx: Context, read: PyNode, api: 'ref' | 'WeakMethod'): void {
  const test = testOf(ctx, read);
  if (!test) return;
  const name = ctx.model.text(read);
  let replacement = `${name}() ${test.whenGone ? 'is' : 'is not'} None`;
  if (needsParentheses(ctx, test.replaced)) replacement = `(${replacement})`;
  const fix = ctx.fix('testTarget', [{ start: test.replaced.from, end: test.replaced.to, newText: replacement }], {
    replacement,
  });
  if (test.kind === 'truth')
    ctx.report({ node: read, messageId: 'alwaysTrue', data: { name, api: API_WORDS[api] }, fixes: [fix] });
  else
    ctx.report({
      node: read,
      messageId: 'neverNone',
      data: { name, api: API_WORDS[api], result: test.whenGone ? 'False' : 'True' },
      fixes: [fix],
    });
}

/** The name or `self.attr` a weak reference made by `call` is assigned to (`r = weakref.ref(o)`). */
function holderOf(call: PyNode): PyNode | undefined {
  let n = call;
  while (n.parent?.type === 'ParenthesizedExpression') n = n.parent;
  const a = n.parent;
  if (a?.type !== 'AssignStatement' || a.children.length !== 3 || a.children[2] !== n) return undefined;
  const target = a.children[0];
  return target.type === 'VariableName' || target.type === 'MemberExpression' ? target : undefined;
}

function checkModule(ctx: Context): void {
  const seen = new Set<string>();
  for (const call of ctx.calls) {
    const made = ctx.model.calledApi(call);
    if (made !== 'ref' && made !== 'WeakMethod') continue;
    const holder = holderOf(call);
    if (!holder) continue;
    const api = ctx.model.weakRefKind(holder);
    if (!api) continue;
    if (holder.type === 'VariableName') {
      const r = ctx.scopes.resolve(holder);
      if (!r || r === 'builtin') continue;
      const key = `${r.scope.node.from}:${ctx.model.text(holder)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      walk(ctx.root, (n) => {
        if (n.type === 'VariableName' && ctx.model.sameVariable(n, holder)) report(ctx, n, api);
      });
    } else {
      const attr = ctx.model.selfAttr(holder);
      if (!attr) continue;
      const key = `${attr.cls.node.from}.${attr.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      walk(attr.cls.node, (n) => {
        if (n.type !== 'MemberExpression') return;
        const a = ctx.model.selfAttr(n);
        if (a && a.cls === attr.cls && a.name === attr.name) report(ctx, n, api);
      });
    }
  }
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));

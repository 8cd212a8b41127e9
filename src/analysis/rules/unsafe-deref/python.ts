// unsafe-deref (Python): calling a weakref.ref/WeakMethod returns None once the target is gone,
// so `r().attr`, `r()[k]`, `r()()` (directly, or through `o = r()`) raise unless a None check
// dominates the use (see ../guards.ts).
import { pythonCheck, type PyContext } from '../../python/context';
import type { Subject } from '../../python/guards';
import type { Fix } from '../../types';
import { positionalArgs } from '../../python/sites';
import { named, unparen, walk, type PyNode } from '../../python/tree';
import type { MessageIdIn } from '../../rule';
import { definition } from './definition';

type Context = PyContext<MessageIdIn<typeof definition, 'python'>>;

/** Whether an expression holds a weakref.ref or WeakMethod: every value it is given is one, or its annotation says so. */
function isWeakRef(ctx: PyContext, e: PyNode): boolean {
  const x = unparen(e);
  if (x.type === 'CallExpression') return false; // ref(x)() is a different, rare shape
  const values = ctx.model.assignedValues(x);
  const made =
    values !== undefined &&
    values.length > 0 &&
    values.every((v) => {
      const api = ctx.model.calledApi(unparen(v));
      return api === 'ref' || api === 'WeakMethod';
    });
  // Otherwise an annotation (`r: weakref.ref[Conn]`) may declare it.
  return made || ctx.model.weakRefKind(x) !== undefined;
}

/** How a value is used, if the use raises on None: `.attr`, `[k]`, `(...)`. */
function unsafeUse(n: PyNode): string | undefined {
  const p = n.parent;
  if (!p || p.children[0] !== n) return undefined;
  if (p.type === 'MemberExpression') return p.children[1]?.type === '[' ? 'subscripted' : 'read an attribute of';
  if (p.type === 'CallExpression') return 'called';
  return undefined;
}

function isRefCall(ctx: PyContext, call: PyNode): PyNode | undefined {
  const args = call.children[1];
  if (args?.type !== 'ArgList' || named(args).length > 0) return undefined;
  return isWeakRef(ctx, call.children[0]) ? call.children[0] : undefined;
}

/**
 * The referent is certainly alive at `use`: the ref was made from a variable x (`ref(x)`,
 * `WeakMethod(x.m)`) of the scope the use is in, x is not rebound after that, and no `del x`
 * lies between (or in a loop around the use).
 */
function referentHeldAt(ctx: PyContext, refExpr: PyNode, use: PyNode): boolean {
  const values = ctx.model.assignedValues(unparen(refExpr));
  if (!values || values.length !== 1) return false;
  const made = unparen(values[0]);
  const arg = positionalArgs(made)?.[0];
  if (!arg) return false;
  let x = unparen(arg);
  if (ctx.model.calledApi(made) === 'WeakMethod') {
    if (x.type !== 'MemberExpression' || !x.children.some((c) => c.type === '.')) return false;
    x = unparen(named(x)[0]);
  }
  if (x.type !== 'VariableName') return false;
  const r = ctx.scopes.resolve(x);
  if (!r || r === 'builtin' || r.scope !== ctx.scopes.scopeOf(use) || made.from > use.from) return false;
  if (r.bindings.some((b) => b.node.from > made.from)) return false;
  const loops: PyNode[] = [];
  for (let p = use.parent; p && p !== r.scope.node; p = p.parent)
    if (p.type === 'ForStatement' || p.type === 'WhileStatement') loops.push(p);
  let deleted = false;
  walk(r.scope.node, (n) => {
    if (deleted) return false;
    if (n.type !== 'DeleteStatement') return undefined;
    const hits = named(n).some((t) => t.type === 'VariableName' && ctx.model.sameVariable(t, x));
    if (hits && ((n.from > made.to && n.from < use.from) || loops.some((l) => n.from >= l.from && n.to <= l.to)))
      deleted = true;
    return false;
  });
  return !deleted;
}

function statementOf(n: PyNode): PyNode | undefined {
  let s = n;
  while (s.parent && s.parent.type !== 'Body') {
    if (s.parent.type === 'Script') return undefined;
    s = s.parent;
  }
  return s.parent ? s : undefined;
}

/** `if o is None:\n    return` before the statement, when it sits directly in a function's body. */
function noneCheckFix(ctx: Context, use: PyNode, name: string): Fix | undefined {
  const stmt = statementOf(use);
  if (!stmt || stmt.parent?.parent?.type !== 'FunctionDefinition') return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', stmt.from - 1) + 1;
  const indent = ctx.text.slice(lineStart, stmt.from);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const unit = indent.includes('\t') ? '\t' : '    ';
  return ctx.fix(
    'returnEarly',
    [{ start: stmt.from, end: stmt.from, newText: `if ${name} is None:\n${indent}${unit}return\n${indent}` }],
    { name },
  );
}

/** A name the file never spells, so the rewrite cannot shadow or clash with anything. */
function freshName(text: string): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? 'obj' : `obj_${i}`;
    if (!new RegExp(`\\b${name}\\b`).test(text)) return name;
  }
}

/**
 * `r().close()` as a statement of its own in a function body, on a line of its own: call the
 * reference once into a fresh name and run the statement only when it is not None.
 */
function callOnceFix(ctx: Context, call: PyNode, refText: string): Fix | undefined {
  const stmt = statementOf(call);
  if (stmt?.type !== 'ExpressionStatement') return undefined;
  let body: PyNode | undefined = stmt.parent?.parent;
  while (body && body.type !== 'FunctionDefinition' && body.type !== 'Script') body = body.parent;
  if (body?.type !== 'FunctionDefinition') return undefined;
  const lineStart = ctx.text.lastIndexOf('\n', stmt.from - 1) + 1;
  const indent = ctx.text.slice(lineStart, stmt.from);
  const stmtText = ctx.model.text(stmt).replace(/\s+$/, '');
  const lineEnd = ctx.text.indexOf('\n', stmt.from);
  const rest = ctx.text.slice(stmt.from + stmtText.length, lineEnd < 0 ? ctx.text.length : lineEnd);
  if (!/^[ \t]*$/.test(indent) || stmtText.includes('\n') || !/^[ \t]*(#.*)?$/.test(rest)) return undefined;
  const name = freshName(ctx.text);
  const unit = indent.includes('\t') ? '\t' : '    ';
  const used = stmtText.slice(0, call.from - stmt.from) + name + stmtText.slice(call.to - stmt.from);
  return ctx.fix(
    'callOnce',
    [
      {
        start: stmt.from,
        end: stmt.from + stmtText.length,
        newText: `${name} = ${refText}()\n${indent}if ${name} is not None:\n${indent}${unit}${used}`,
      },
    ],
    { ref: refText },
  );
}

function checkModule(ctx: Context): void {
  const checkedVars = new Set<string>();
  for (const call of ctx.calls) {
    const refExpr = isRefCall(ctx, call);
    if (!refExpr) continue;
    const refText = ctx.model.text(refExpr);
    const direct = unsafeUse(call);
    if (direct) {
      const subject: Subject = { kind: 'call', text: refText };
      if (!referentHeldAt(ctx, refExpr, call)) {
        // Checked by an earlier call of the same reference: Python keeps nothing alive between the
        // two calls (there is no KeepDuringJob), so the second can return None.
        const checked = ctx.guards.isGuarded(call, subject);
        const fix = callOnceFix(ctx, call, refText);
        ctx.report({
          messageId: checked ? 'calledAgain' : 'resultUnchecked',
          data: { ref: refText, use: direct },
          node: call,
          fixes: fix ? [fix] : [],
        });
      }
      continue;
    }
    // o = r(): every use of o that raises on None needs a check.
    const p = call.parent;
    let target: PyNode | undefined;
    if (
      p?.type === 'AssignStatement' &&
      p.children[0]?.type === 'VariableName' &&
      p.children[1]?.type === 'AssignOp' &&
      p.children[2] === call
    )
      target = p.children[0];
    if (p?.type === 'NamedExpression' && named(p)[1] === call) target = named(p)[0];
    if (!target) continue;
    const r = ctx.scopes.resolve(target);
    if (!r || r === 'builtin') continue;
    // Every binding of the name must be a call of a weak reference: `o = r(); if o is None: o = make()` is fine.
    if (
      !r.bindings.every(
        (b) =>
          (b.kind === 'assign' || b.kind === 'walrus') &&
          b.value &&
          unparen(b.value).type === 'CallExpression' &&
          isRefCall(ctx, unparen(b.value)),
      )
    )
      continue;
    const name = ctx.model.text(target);
    const key = `${name}@${r.scope.node.from}`;
    if (checkedVars.has(key)) continue;
    checkedVars.add(key);
    for (const use of usesOf(ctx, target, r.scope)) {
      const how = unsafeUse(use);
      if (!how) continue;
      if (ctx.guards.isGuarded(use, { kind: 'var', node: target }) || referentHeldAt(ctx, refExpr, use)) continue;
      const fix = noneCheckFix(ctx, use, name);
      ctx.report({
        messageId: 'variableUnchecked',
        data: { name, ref: refText, use: how },
        node: use,
        fixes: fix ? [fix] : [],
      });
    }
  }
}

function usesOf(ctx: PyContext, target: PyNode, scope: ReturnType<PyContext['scopes']['scopeOf']>): PyNode[] {
  const out: PyNode[] = [];
  const name = ctx.model.text(target);
  const stack = [scope.node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (
      n.type === 'VariableName' &&
      n.to - n.from === name.length &&
      ctx.model.text(n) === name &&
      ctx.model.sameVariable(n, target)
    )
      out.push(n);
    for (const c of n.children) stack.push(c);
  }
  return out.sort((a, b) => a.from - b.from);
}

export const python = pythonCheck(definition, (ctx) => ({ module: () => checkModule(ctx) }));

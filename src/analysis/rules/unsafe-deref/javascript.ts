// unsafe-deref: the result of ref.deref() used in a way that throws once the target is gone,
// directly or through a variable, unless a check that rules out undefined dominates the use.
// A second deref() of the same receiver guarded by a first one is safe within one synchronous
// job (KeepDuringJob), and reported when an await or yield lies between them.
import type * as TS from 'typescript';
import { javascriptCheck, type RuleContext } from '../../javascript/context';
import type { Binding } from '../../javascript/scope';
import { findGuard, unsafeUse, type Subject, type UnsafeUse } from '../../javascript/guards';
import type { Fix } from '../../types';
import { outermostWrapper, RUNTIME_VALUE, skipWrappers, STORED_DEREF } from '../../javascript/wrappers';
import type { MessageData, MessageIdIn } from '../../rule';
import { isDerefCall } from '../../javascript/sites';
import { definition } from './definition';

type Context = RuleContext<MessageIdIn<typeof definition, 'javascript'>>;

/** A receiver whose text names the same object each time: `ref`, `this.ref`, `a.b.ref`. */
function stableText(ts: typeof TS, e: TS.Expression, sf: TS.SourceFile): string | undefined {
  e = skipWrappers(e, RUNTIME_VALUE);
  if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) return e.getText(sf);
  if (ts.isPropertyAccessExpression(e)) {
    const inner = stableText(ts, e.expression, sf);
    return inner === undefined ? undefined : `${inner}.${e.name.text}`;
  }
  return undefined;
}

/** False when the receiver is certainly something other than a WeakRef. */
function mayBeWeakRef(receiver: TS.Expression, ctx: RuleContext): boolean {
  const { ts, values, scopes } = ctx;
  const r = values.unwrap(receiver);
  const kind = values.weakKindOf(r);
  if (kind) return kind === 'WeakRef';
  if (ts.isIdentifier(r)) {
    const b = scopes.resolve(r);
    if (!b) return true;
    if (b.type) return false; // typed, and not as WeakRef: some other API with a deref()
    if (b.init && !scopes.isReassigned(b)) {
      const init = values.unwrap(b.init);
      if (
        ts.isNewExpression(init) ||
        ts.isObjectLiteralExpression(init) ||
        ts.isArrayLiteralExpression(init) ||
        ts.isArrowFunction(init) ||
        ts.isFunctionExpression(init) ||
        ts.isClassExpression(init)
      )
        return false;
    }
    if (b.kind === 'class' || b.kind === 'function' || b.kind === 'import' || b.kind === 'enum') return false;
  }
  if (ts.isObjectLiteralExpression(r) || ts.isArrayLiteralExpression(r)) return false;
  return true;
}

function hasAwaitBetween(from: number, to: number, fn: TS.Node, ctx: RuleContext): boolean {
  const { ts } = ctx;
  let found = false;
  const visit = (n: TS.Node): void => {
    if (found || n.end <= from || n.pos >= to) return;
    if (n !== fn && (ctx.scopes.isFunctionLike(n) || ts.isClassLike(n))) return;
    // The operand of an await or yield is evaluated before the suspension: a deref() inside it runs in the same job.
    const operandHoldsUse =
      (ts.isAwaitExpression(n) || ts.isYieldExpression(n)) &&
      !!n.expression &&
      n.expression.pos <= to &&
      to < n.expression.end;
    if (
      !operandHoldsUse &&
      (ts.isAwaitExpression(n) || ts.isYieldExpression(n) || (ts.isForOfStatement(n) && n.awaitModifier))
    ) {
      const at = n.getStart(ctx.sourceFile);
      if (at >= from && at < to) {
        found = true;
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

const USE_WORDS: Record<UnsafeUse['kind'], string> = {
  member: 'reading a property of it',
  element: 'indexing it',
  call: 'calling it',
  new: 'using it with new',
  'non-null': '',
  cast: '',
  spread: 'spreading it',
  'for-of': 'iterating it with for…of',
  in: 'using it on the right of in',
  destructure: 'destructuring it',
};

/** `x.p` → `x?.p`, `x[k]` → `x?.[k]`, `x()` → `x?.()`, `x!.p` → `x?.p`, when the access is not written to. */
function optionalChainFix(use: UnsafeUse, ctx: Context): Fix | undefined {
  const { ts, text, scopes } = ctx;
  let access: TS.Node = use.user;
  let from = use.value.end;
  if (use.kind === 'non-null') {
    access = use.user.parent;
    if (
      !access ||
      !(
        (ts.isPropertyAccessExpression(access) ||
          ts.isElementAccessExpression(access) ||
          ts.isCallExpression(access)) &&
        access.expression === use.user
      )
    )
      return undefined;
    from = use.value.end;
  } else if (use.kind !== 'member' && use.kind !== 'element' && use.kind !== 'call') {
    return undefined;
  }
  if (scopes.isWriteTarget(access)) return undefined;
  let edit;
  if (ts.isPropertyAccessExpression(access)) {
    const dot = text.indexOf('.', use.kind === 'non-null' ? (use.user as TS.NonNullExpression).end : from);
    if (dot < 0 || dot >= access.name.getStart(ctx.sourceFile)) return undefined;
    edit = { start: from, end: dot + 1, newText: '?.' };
  } else if (ts.isElementAccessExpression(access)) {
    const bracket = text.indexOf('[', from);
    if (bracket < 0) return undefined;
    edit = { start: from, end: bracket, newText: '?.' };
  } else if (ts.isCallExpression(access)) {
    const paren = text.indexOf(access.typeArguments ? '<' : '(', from);
    if (paren < 0) return undefined;
    edit = { start: from, end: paren, newText: '?.' };
  } else {
    return undefined;
  }
  const between = text.slice(edit.start, edit.end).replace(/[\s.!]/g, '');
  if (between !== '') return undefined; // a comment in the way: leave it to the user
  return ctx.fix('optionalChain', [edit]);
}

// Keyed by the analysis's own context, so a name found for one text is never offered for another.
const freshNames = new WeakMap<RuleContext, string>();
/** A name for the extracted const that the file does not use yet (found once per analysis, not per finding). */
function freshName(ctx: RuleContext): string {
  let name = freshNames.get(ctx);
  if (name) return name;
  name = 'target';
  for (let i = 2; ctx.text.includes(name) && new RegExp(`\\b${name}\\b`).test(ctx.text); i++) name = `target${i}`;
  freshNames.set(ctx, name);
  return name;
}

/** For a statement that uses `recv.deref()` directly: read it once into a const and guard the statement. */
function extractFix(call: TS.CallExpression, ctx: Context): Fix | undefined {
  const { ts, text, sourceFile } = ctx;
  let stmt: TS.Node = call;
  while (stmt.parent && !ts.isExpressionStatement(stmt) && !ts.isBlock(stmt.parent) && !ts.isSourceFile(stmt.parent)) {
    if (ctx.scopes.isFunctionLike(stmt)) return undefined;
    stmt = stmt.parent;
  }
  if (
    !ts.isExpressionStatement(stmt) ||
    !(ts.isBlock(stmt.parent) || ts.isSourceFile(stmt.parent) || ts.isCaseClause(stmt.parent))
  )
    return undefined;
  const name = freshName(ctx);
  const start = stmt.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  if (indent.length !== start - lineStart) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const callStart = call.getStart(sourceFile);
  const body = text.slice(start, callStart) + name + text.slice(call.end, stmt.end);
  const newText = `const ${name} = ${call.getText(sourceFile)};${eol}${indent}if (${name} !== undefined) {${eol}${indent}  ${body.split(/\r?\n/).join(`${eol}${indent}  `)}${eol}${indent}}`;
  return ctx.fix('readOnce', [{ start, end: stmt.end, newText }]);
}

function describeUse(
  use: UnsafeUse,
  value: string,
  ctx: RuleContext,
): { messageId: MessageIdIn<typeof definition, 'javascript'>; data: MessageData } {
  if (use.kind === 'non-null') return { messageId: 'nonNull', data: { value } };
  if (use.kind === 'cast') return { messageId: 'cast', data: { value } };
  const verb = ctx.scopes.isWriteTarget(use.user) ? 'setting' : 'reading';
  const detail = use.kind === 'member' && use.detail ? `${verb} ${use.detail} on it` : USE_WORDS[use.kind];
  return { messageId: 'throws', data: { value, use: detail } };
}

function isStoredDeref(ts: typeof TS, e: TS.Expression | undefined): boolean {
  return !!e && isDerefCall(ts, skipWrappers(e, STORED_DEREF));
}

/**
 * The local that holds this deref() result: `const o = ref.deref()` (never written again), or a
 * `let`/`var` every write of which stores a deref() result (`while ((o = ref.deref()))`). For
 * the latter only the first deref() in the file reports, so that each use is reported once.
 */
function holdingBinding(node: TS.CallExpression, ctx: RuleContext): Binding | undefined {
  const { ts, scopes } = ctx;
  const holder = outermostWrapper(node, STORED_DEREF);
  const parent = holder.parent;
  let name: TS.Identifier | undefined;
  if (parent && ts.isVariableDeclaration(parent) && parent.initializer === holder && ts.isIdentifier(parent.name))
    name = parent.name;
  else if (
    parent &&
    ts.isBinaryExpression(parent) &&
    parent.right === holder &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    const left = skipWrappers(parent.left, RUNTIME_VALUE);
    if (ts.isIdentifier(left)) name = left;
  }
  if (!name) return undefined;
  const binding = scopes.resolve(name);
  if (!binding) return undefined;
  if (ts.isVariableDeclaration(parent) && binding.nameNode !== name) return undefined;
  if (!scopes.isReassigned(binding)) return ts.isVariableDeclaration(parent) ? binding : undefined;
  if (binding.kind !== 'let' && binding.kind !== 'var') return undefined;
  const stores: TS.Node[] = [];
  if (binding.init) {
    if (!isStoredDeref(ts, binding.init)) return undefined;
    stores.push(binding.init);
  }
  for (const id of scopes.referencesOf(binding)) {
    if (!scopes.isWriteTarget(id)) continue;
    const write = id.parent;
    if (
      !ts.isBinaryExpression(write) ||
      write.left !== id ||
      write.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
      !isStoredDeref(ts, write.right)
    )
      return undefined;
    stores.push(write.right);
  }
  const first = stores.reduce((a, b) => (b.pos < a.pos ? b : a));
  return first.pos <= node.pos && node.end <= first.end ? binding : undefined;
}

export const javascript = javascriptCheck(definition, (ctx) => ({
  call(node) {
    const { ts, sourceFile, scopes } = ctx;
    if (!isDerefCall(ts, node)) return;
    const receiver = node.expression.expression;
    if (!mayBeWeakRef(receiver, ctx)) return;
    const recvText = stableText(ts, receiver, sourceFile);
    const callText = node.getText(sourceFile).replace(/\s+/g, '');

    const use = unsafeUse(node);
    if (use) {
      const sameDeref: Subject = (e) =>
        recvText !== undefined &&
        isDerefCall(ts, e) &&
        stableText(ts, e.expression.expression, sourceFile) === recvText;
      const fn = scopes.functionOf(node);
      // A receiver that is not a stable name (a call, an index) cannot be guarded by an earlier deref().
      const guard = recvText === undefined ? undefined : findGuard(use.value, sameDeref, scopes, fn, false);
      if (guard) {
        if (!hasAwaitBetween(guard.end, node.getStart(sourceFile), fn, ctx)) return;
        ctx.report({
          node,
          messageId: 'checkedBeforeAwait',
          data: { call: callText },
          fixes: [optionalChainFix(use, ctx), extractFix(node, ctx)].filter((f): f is Fix => !!f),
        });
        return;
      }
      ctx.report({
        node,
        ...describeUse(use, callText, ctx),
        fixes: [optionalChainFix(use, ctx), extractFix(node, ctx)].filter((f): f is Fix => !!f),
      });
      return;
    }

    // Through a variable: `const o = ref.deref(); … o.p`, or `let o; … (o = ref.deref()) …`.
    const binding = holdingBinding(node, ctx);
    if (!binding) return;
    const reassigned = scopes.isReassigned(binding);
    const writes = reassigned ? scopes.referencesOf(binding).filter((id) => scopes.isWriteTarget(id)) : [];
    const isVar: Subject = (e) => ts.isIdentifier(e) && e.text === binding.name && scopes.resolve(e) === binding;
    for (const ref of scopes.referencesOf(binding)) {
      const u = unsafeUse(ref);
      if (!u) continue;
      // A captured const keeps the target for the closure's later job; a variable written again may not.
      const guard = findGuard(u.value, isVar, scopes, binding.scope, !reassigned);
      if (guard && !writes.some((w) => w.pos >= guard.end && w.end <= ref.pos)) continue;
      ctx.report({
        node: ref,
        ...describeUse(u, `${binding.name} (from ${callText})`, ctx),
        fixes: [optionalChainFix(u, ctx)].filter((f): f is Fix => !!f),
      });
    }
  },
}));

// Calls that narrow a value the way TypeScript reads them: assertion calls that throw unless a
// condition holds (node:assert, a few well-known assertion modules, and functions declared
// `asserts x` in the same file), and type predicates (`x is T`) that say a value is defined
// when they return true. `console.assert` only logs, so it is neither.
import type * as TS from 'typescript';
import type { Binding, Scopes } from './scope';
import { typescript } from './tsLoader';
import { RUNTIME_VALUE, skipWrappers } from './wrappers';

/** What a call establishes: an argument is truthy, is defined, or two arguments compare so. */
export type Narrowing =
  | { kind: 'truthy'; value: TS.Expression }
  | { kind: 'defined'; value: TS.Expression }
  | { kind: 'compare'; left: TS.Expression; right: TS.Expression; operator: TS.SyntaxKind };

/** A module member as the code reaches it: `assert.strict.ok` from 'node:assert' is { module: 'assert', path: ['strict', 'ok'] }. */
interface ModuleMember {
  module: string;
  path: string[];
}

/** `require('m')`, `require('m').a.b` with the global `require`. */
function requiredMember(e: TS.Expression, scopes: Scopes): ModuleMember | undefined {
  const ts = typescript();
  e = skipWrappers(e, RUNTIME_VALUE);
  if (ts.isPropertyAccessExpression(e)) {
    const inner = requiredMember(e.expression, scopes);
    return inner && { module: inner.module, path: [...inner.path, e.name.text] };
  }
  if (
    ts.isCallExpression(e) &&
    ts.isIdentifier(e.expression) &&
    e.expression.text === 'require' &&
    e.arguments.length === 1 &&
    ts.isStringLiteralLike(e.arguments[0]) &&
    scopes.isGlobal(e.expression, 'require')
  ) {
    return { module: e.arguments[0].text, path: [] };
  }
  return undefined;
}

function bindingMember(b: Binding, scopes: Scopes): ModuleMember | undefined {
  const ts = typescript();
  const decl = b.nameNode.parent;
  if (ts.isImportClause(decl) && ts.isStringLiteral(decl.parent.moduleSpecifier))
    return { module: decl.parent.moduleSpecifier.text, path: [] };
  if (ts.isNamespaceImport(decl) && ts.isStringLiteral(decl.parent.parent.moduleSpecifier))
    return { module: decl.parent.parent.moduleSpecifier.text, path: [] };
  if (ts.isImportSpecifier(decl) && ts.isStringLiteral(decl.parent.parent.parent.moduleSpecifier)) {
    return { module: decl.parent.parent.parent.moduleSpecifier.text, path: [(decl.propertyName ?? decl.name).text] };
  }
  if (
    ts.isImportEqualsDeclaration(decl) &&
    ts.isExternalModuleReference(decl.moduleReference) &&
    ts.isStringLiteral(decl.moduleReference.expression)
  ) {
    return { module: decl.moduleReference.expression.text, path: [] };
  }
  if (scopes.isReassigned(b)) return undefined;
  if (ts.isVariableDeclaration(decl) && decl.name === b.nameNode && decl.initializer)
    return requiredMember(decl.initializer, scopes);
  // const { ok } = require('assert'), const { strict: assert } = require('node:assert')
  if (
    ts.isBindingElement(decl) &&
    !decl.initializer &&
    !decl.dotDotDotToken &&
    ts.isObjectBindingPattern(decl.parent) &&
    ts.isVariableDeclaration(decl.parent.parent) &&
    decl.parent.parent.initializer
  ) {
    const key = decl.propertyName ?? decl.name;
    const base =
      ts.isIdentifier(key) || ts.isStringLiteral(key)
        ? requiredMember(decl.parent.parent.initializer, scopes)
        : undefined;
    return base && { module: base.module, path: [...base.path, (key as TS.Identifier | TS.StringLiteral).text] };
  }
  return undefined;
}

/** The module member a callee names, following imports, requires and property accesses. */
function calleeMember(e: TS.Expression, scopes: Scopes): ModuleMember | undefined {
  const ts = typescript();
  e = skipWrappers(e, RUNTIME_VALUE);
  if (ts.isPropertyAccessExpression(e)) {
    const inner = calleeMember(e.expression, scopes);
    return inner && { module: inner.module, path: [...inner.path, e.name.text] };
  }
  if (!ts.isIdentifier(e)) return undefined;
  const b = scopes.resolve(e);
  // An undeclared `assert` (the Node REPL has one; test setups install one): the analysis
  // cannot tell what it does, so it reads it as node's assert rather than cry wolf.
  if (!b) return e.text === 'assert' ? { module: 'assert', path: [] } : undefined;
  return bindingMember(b, scopes);
}

function nodeAssert(member: ModuleMember, call: TS.CallExpression): Narrowing | undefined {
  const ts = typescript();
  const S = ts.SyntaxKind;
  let strict = member.module === 'assert/strict';
  const path = member.path.slice();
  while (path[0] === 'default' || path[0] === 'strict') if (path.shift() === 'strict') strict = true;
  const [a, b] = call.arguments;
  if (!a || ts.isSpreadElement(a)) return undefined;
  const name = path.length === 0 ? 'ok' : path.length === 1 ? path[0] : '';
  if (name === 'ok') return { kind: 'truthy', value: a };
  if (!b || ts.isSpreadElement(b)) return undefined;
  // In strict mode equal/notEqual are strictEqual/notStrictEqual; otherwise they use == and !=.
  const operators: Record<string, TS.SyntaxKind> = {
    strictEqual: S.EqualsEqualsEqualsToken,
    notStrictEqual: S.ExclamationEqualsEqualsToken,
    equal: strict ? S.EqualsEqualsEqualsToken : S.EqualsEqualsToken,
    notEqual: strict ? S.ExclamationEqualsEqualsToken : S.ExclamationEqualsToken,
  };
  const operator = operators[name];
  return operator === undefined ? undefined : { kind: 'compare', left: a, right: b, operator };
}

/** chai's assert and the invariant modules: each throws unless its first argument holds. */
const TRUTHY_ASSERTIONS: Record<string, readonly string[]> = {
  chai: ['assert', 'assert.ok', 'assert.isOk'],
  'tiny-invariant': ['', 'default'],
  invariant: ['', 'default'],
};
const DEFINED_ASSERTIONS: Record<string, readonly string[]> = { chai: ['assert.exists', 'assert.isDefined'] };

function moduleAssertion(member: ModuleMember, call: TS.CallExpression): Narrowing | undefined {
  const ts = typescript();
  const module = member.module.replace(/^node:/, '');
  if (module === 'assert' || module === 'assert/strict') return nodeAssert({ module, path: member.path }, call);
  const a = call.arguments[0];
  if (!a || ts.isSpreadElement(a)) return undefined;
  const key = member.path.join('.');
  if (TRUTHY_ASSERTIONS[module]?.includes(key)) return { kind: 'truthy', value: a };
  if (DEFINED_ASSERTIONS[module]?.includes(key)) return { kind: 'defined', value: a };
  return undefined;
}

/** Does a declared type still admit undefined (`any`, `unknown`, `undefined`, or a union with one)? */
export function typeKeepsUndefined(type: TS.TypeNode): boolean {
  const ts = typescript();
  if (
    type.kind === ts.SyntaxKind.AnyKeyword ||
    type.kind === ts.SyntaxKind.UnknownKeyword ||
    type.kind === ts.SyntaxKind.UndefinedKeyword ||
    type.kind === ts.SyntaxKind.VoidKeyword
  )
    return true;
  if (ts.isUnionTypeNode(type)) return type.types.some(typeKeepsUndefined);
  if (ts.isParenthesizedTypeNode(type)) return typeKeepsUndefined(type.type);
  return false;
}

/** A same-file function declared `asserts x` / `asserts x is T` (asserting) or `x is T` (a predicate). */
function declaredNarrowing(call: TS.CallExpression, scopes: Scopes, asserting: boolean): Narrowing | undefined {
  const ts = typescript();
  const callee = skipWrappers(call.expression, RUNTIME_VALUE);
  if (!ts.isIdentifier(callee)) return undefined;
  const b = scopes.resolve(callee);
  const decl = b?.kind === 'function' ? b.declaration : undefined;
  if (!decl || !ts.isFunctionDeclaration(decl) || !decl.type || !ts.isTypePredicateNode(decl.type)) return undefined;
  const predicate = decl.type;
  if (!!predicate.assertsModifier !== asserting || !ts.isIdentifier(predicate.parameterName)) return undefined;
  const name = predicate.parameterName.text;
  const index = decl.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
  const arg = index >= 0 ? call.arguments[index] : undefined;
  if (!arg || ts.isSpreadElement(arg) || call.arguments.slice(0, index).some((x) => ts.isSpreadElement(x)))
    return undefined;
  if (!predicate.type) return { kind: 'truthy', value: arg };
  return typeKeepsUndefined(predicate.type) ? undefined : { kind: 'defined', value: arg };
}

/** What an assertion call guarantees once it returns, or undefined when it is no assertion. */
export function assertionOf(call: TS.CallExpression, scopes: Scopes): Narrowing | undefined {
  if (call.questionDotToken) return undefined;
  const declared = declaredNarrowing(call, scopes, true);
  if (declared) return declared;
  const member = calleeMember(call.expression, scopes);
  return member ? moduleAssertion(member, call) : undefined;
}

/** What a call guarantees when it returns true: a same-file type predicate, or Array.isArray. */
export function predicateOf(call: TS.CallExpression, scopes: Scopes): Narrowing | undefined {
  const ts = typescript();
  const declared = declaredNarrowing(call, scopes, false);
  if (declared) return declared;
  const callee = skipWrappers(call.expression, RUNTIME_VALUE);
  const a = call.arguments[0];
  if (
    a &&
    !ts.isSpreadElement(a) &&
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'isArray' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Array' &&
    scopes.isGlobal(callee.expression, 'Array')
  ) {
    return { kind: 'defined', value: a };
  }
  return undefined;
}

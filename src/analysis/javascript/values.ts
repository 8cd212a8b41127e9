// What the rules need to know about an expression's value, decided statically and only when
// certain: which weak collection a receiver is, whether a value can never be held weakly,
// and whether a value is fresh (nothing else can hold it).
import type * as TS from 'typescript';
import { Scopes, type Binding } from './scope';
import type { WeakArgument } from './sites';
import { typescript } from './tsLoader';
import { RUNTIME_VALUE, skipWrappers } from './wrappers';

/** A value made right there, that nothing else can hold yet (weak-target-unreachable words each kind). */
export type FreshValue =
  | { kind: 'object-literal' | 'array-literal' | 'function-expression' | 'class-expression' | 'regexp-literal' }
  | { kind: 'bound-function' }
  | { kind: 'instance'; className: string };

export type WeakKind = 'WeakMap' | 'WeakSet' | 'WeakRef' | 'FinalizationRegistry';
export const WEAK_KINDS: readonly WeakKind[] = ['WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry'];
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'self', 'global']);
const PRIMITIVE_CONVERSIONS: Record<string, string> = {
  String: 'a string',
  Number: 'a number',
  Boolean: 'a boolean',
  BigInt: 'a bigint',
};
/**
 * How many links (an alias, an initialiser, an operand) a value question follows before it
 * answers "cannot tell", which every rule reads as silence. Written code chains two or three;
 * the cap keeps generated or hostile chains from costing a walk per link.
 */
const VALUE_TRACE_LIMIT = 8;

export class Values {
  private readonly ts = typescript();
  private readonly fieldKinds = new Map<TS.ClassLikeDeclaration, Map<string, WeakKind | null>>();
  /** sites.weakArguments' memo: it lives and dies with this analysis (see there). */
  readonly weakArgumentsByNode = new Map<TS.Node, WeakArgument[]>();

  constructor(readonly scopes: Scopes) {}

  /** The value inside parentheses, casts, `satisfies` and `!` (wrappers.ts: RUNTIME_VALUE). */
  unwrap(e: TS.Expression): TS.Expression {
    return skipWrappers(e, RUNTIME_VALUE);
  }

  /**
   * The built-in a constructor or function expression names: `WeakRef`, `globalThis.WeakRef`
   * (and `window.`, `self.`, `global.`), and aliases of these (`const W = WeakRef`,
   * `const { WeakMap: WM } = globalThis`), unless a root is shadowed or the alias is written again.
   */
  builtinName(e: TS.Expression, depth = 0): string | undefined {
    const ts = this.ts;
    if (depth > VALUE_TRACE_LIMIT) return undefined;
    e = this.unwrap(e);
    if (ts.isIdentifier(e)) {
      const b = this.scopes.resolve(e);
      return b ? this.aliasedBuiltin(b, depth) : e.text;
    }
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name) && this.isGlobalObject(e.expression, depth + 1))
      return e.name.text;
    return undefined;
  }

  /** `globalThis`, `window`, `self`, `global` (unshadowed), or a const alias of one. */
  private isGlobalObject(e: TS.Expression, depth: number): boolean {
    const ts = this.ts;
    if (depth > VALUE_TRACE_LIMIT) return false;
    e = this.unwrap(e);
    if (ts.isIdentifier(e)) {
      const b = this.scopes.resolve(e);
      if (!b) return GLOBAL_OBJECTS.has(e.text);
      // The costly question (is it written again?) comes last: most bindings fail the cheap ones.
      return (
        (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') &&
        !!b.init &&
        this.isGlobalObject(b.init, depth + 1) &&
        !this.scopes.isReassigned(b)
      );
    }
    return (
      ts.isPropertyAccessExpression(e) &&
      GLOBAL_OBJECTS.has(e.name.text) &&
      this.isGlobalObject(e.expression, depth + 1)
    );
  }

  /** The built-in a variable holds: `const W = WeakRef`, `const { WeakMap: WM } = globalThis`. */
  private aliasedBuiltin(b: Binding, depth: number): string | undefined {
    const ts = this.ts;
    if (b.kind !== 'const' && b.kind !== 'let' && b.kind !== 'var') return undefined;
    // The costly question (is it written again?) comes last: most bindings fail the cheap ones.
    const aliased = (name: string | undefined) =>
      name !== undefined && !this.scopes.isReassigned(b) ? name : undefined;
    if (b.init) return aliased(this.builtinName(b.init, depth + 1));
    const el = b.nameNode.parent;
    if (!ts.isBindingElement(el) || el.initializer || el.dotDotDotToken || !ts.isObjectBindingPattern(el.parent))
      return undefined;
    const decl = el.parent.parent;
    const key = el.propertyName ?? el.name;
    if (
      !ts.isVariableDeclaration(decl) ||
      !decl.initializer ||
      !(ts.isIdentifier(key) || ts.isStringLiteral(key)) ||
      !this.isGlobalObject(decl.initializer, depth + 1)
    )
      return undefined;
    return aliased(key.text);
  }

  /**
   * `new WeakMap(…)` and `Reflect.construct(WeakMap, […])` with the built-in constructor: its
   * kind, and its arguments when they are written out (undefined for `Reflect.construct(C, list)`).
   */
  construction(e: TS.Expression): { kind: WeakKind; args: readonly TS.Expression[] | undefined } | undefined {
    const ts = this.ts;
    e = this.unwrap(e);
    let name: string | undefined;
    let args: readonly TS.Expression[] | undefined;
    if (ts.isNewExpression(e)) {
      name = this.builtinName(e.expression);
      args = e.arguments ?? [];
    } else if (ts.isCallExpression(e) && e.arguments.length >= 2 && !e.questionDotToken) {
      const callee = this.unwrap(e.expression);
      const [ctor, list] = e.arguments;
      if (
        !ts.isPropertyAccessExpression(callee) ||
        callee.name.text !== 'construct' ||
        this.builtinName(callee.expression) !== 'Reflect' ||
        ts.isSpreadElement(ctor)
      )
        return undefined;
      name = this.builtinName(ctor);
      const written = this.unwrap(list);
      args = ts.isArrayLiteralExpression(written) ? written.elements : undefined;
    }
    return name && (WEAK_KINDS as readonly string[]).includes(name) ? { kind: name as WeakKind, args } : undefined;
  }

  /** The weak collection an expression constructs, with the built-in constructor. */
  constructedKind(e: TS.Expression): WeakKind | undefined {
    return this.construction(e)?.kind;
  }

  /** `WeakMap<K, V>` written as a type, naming the built-in type. */
  typeKind(type: TS.TypeNode | undefined): WeakKind | undefined {
    const ts = this.ts;
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
    const name = type.typeName.text;
    return (WEAK_KINDS as readonly string[]).includes(name) && this.scopes.isGlobal(type, name)
      ? (name as WeakKind)
      : undefined;
  }

  /** The weak collection an expression certainly is, if the linter can tell. */
  weakKindOf(e: TS.Expression, depth = 0): WeakKind | undefined {
    const ts = this.ts;
    if (depth > VALUE_TRACE_LIMIT) return undefined;
    e = this.unwrap(e);
    const made = this.constructedKind(e);
    if (made) return made;
    if (ts.isIdentifier(e)) {
      const b = this.scopes.resolve(e);
      return b ? this.bindingKind(b, depth) : undefined;
    }
    if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = this.thisClass(e);
      return cls ? this.fieldKind(cls, e.name.text) : undefined;
    }
    return undefined;
  }

  bindingKind(b: Binding, depth = 0): WeakKind | undefined {
    const typed = this.typeKind(b.type);
    if (typed) return typed;
    if (b.init && !this.scopes.isReassigned(b)) return this.weakKindOf(b.init, depth + 1);
    return undefined;
  }

  /** The class whose instance `this` is at a node (arrow functions see through). */
  thisClass(node: TS.Node): TS.ClassLikeDeclaration | undefined {
    const ts = this.ts;
    for (let n: TS.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isArrowFunction(n)) continue;
      if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
      if (ts.isClassLike(n)) return n;
    }
    return undefined;
  }

  /** A field's kind when every write to it in its class makes the same weak collection. */
  fieldKind(cls: TS.ClassLikeDeclaration, name: string): WeakKind | undefined {
    let map = this.fieldKinds.get(cls);
    if (!map) {
      map = this.collectFields(cls);
      this.fieldKinds.set(cls, map);
    }
    return map.get(name) ?? undefined;
  }

  private collectFields(cls: TS.ClassLikeDeclaration): Map<string, WeakKind | null> {
    const ts = this.ts;
    const map = new Map<string, WeakKind | null>();
    const note = (name: string, kind: WeakKind | undefined) => {
      const prev = map.get(name);
      // null: written with something else, or with two kinds; never trusted.
      if (prev === undefined && !map.has(name)) map.set(name, kind ?? null);
      else if (prev !== kind) map.set(name, null);
    };
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name))) {
        const typed = this.typeKind(m.type);
        if (typed) {
          map.set(m.name.text, typed);
          continue;
        }
        if (m.initializer) note(m.name.text, this.constructedKind(m.initializer));
      }
    }
    const typedNames = new Set(
      [...cls.members]
        .filter((m) => ts.isPropertyDeclaration(m) && this.typeKind(m.type))
        .map((m) => (m.name as TS.Identifier).text),
    );
    const visit = (n: TS.Node): void => {
      if (n !== cls && ts.isClassLike(n)) return;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const left = this.unwrap(n.left);
        if (
          ts.isPropertyAccessExpression(left) &&
          left.expression.kind === ts.SyntaxKind.ThisKeyword &&
          this.thisClass(left) === cls &&
          !typedNames.has(left.name.text)
        ) {
          note(left.name.text, this.constructedKind(n.right));
        }
      }
      ts.forEachChild(n, visit);
    };
    // Most classes never assign `this.x = …`; a look at the class's text spares walking them.
    const text = this.scopes.sourceFile.text.slice(cls.pos, cls.end);
    if (/\bthis\s*\.\s*#?[\w$]+\s*=(?!=)/.test(text)) for (const m of cls.members) visit(m);
    return map;
  }

  /**
   * Why a value can never be held weakly ("a string", "null", "a registered symbol", …), or
   * undefined when it might be an object or a non-registered symbol.
   */
  notHoldable(e: TS.Expression, depth = 0): string | undefined {
    const ts = this.ts;
    if (depth > VALUE_TRACE_LIMIT) return undefined;
    e = this.unwrap(e);
    const literal = this.primitiveLiteral(e);
    if (literal) return literal;
    if (ts.isIdentifier(e)) return this.notHoldableName(e, depth);
    if (ts.isTypeOfExpression(e)) return 'a string';
    if (ts.isPrefixUnaryExpression(e)) return e.operator === ts.SyntaxKind.ExclamationToken ? 'a boolean' : 'a number';
    if (ts.isPostfixUnaryExpression(e)) return 'a number';
    if (ts.isDeleteExpression(e)) return 'a boolean';
    if (ts.isBinaryExpression(e)) return this.notHoldableBinary(e, depth);
    if (ts.isConditionalExpression(e)) return this.neitherHoldable(e.whenTrue, e.whenFalse, depth);
    if (ts.isCallExpression(e)) return this.primitiveCall(e);
    return undefined;
  }

  private primitiveLiteral(e: TS.Expression): string | undefined {
    const S = this.ts.SyntaxKind;
    switch (e.kind) {
      case S.NumericLiteral:
        return 'a number';
      case S.BigIntLiteral:
        return 'a bigint';
      case S.StringLiteral:
      case S.NoSubstitutionTemplateLiteral:
      case S.TemplateExpression:
        return 'a string';
      case S.TrueKeyword:
      case S.FalseKeyword:
        return 'a boolean';
      case S.NullKeyword:
        return 'null';
      case S.VoidExpression:
        return 'undefined';
      default:
        return undefined;
    }
  }

  /** The globals `undefined`, `NaN`, `Infinity`, or a variable that is never written again, by its initializer. */
  private notHoldableName(e: TS.Identifier, depth: number): string | undefined {
    if (e.text === 'undefined' && this.scopes.isGlobal(e, 'undefined')) return 'undefined';
    if ((e.text === 'NaN' || e.text === 'Infinity') && this.scopes.isGlobal(e, e.text)) return 'a number';
    const b = this.scopes.resolve(e);
    if (b && b.init && (b.kind === 'const' || b.kind === 'let' || b.kind === 'var') && !this.scopes.isReassigned(b))
      return this.notHoldable(b.init, depth + 1);
    return undefined;
  }

  private readonly numberOperators = new Set([
    this.ts.SyntaxKind.MinusToken,
    this.ts.SyntaxKind.AsteriskToken,
    this.ts.SyntaxKind.SlashToken,
    this.ts.SyntaxKind.PercentToken,
    this.ts.SyntaxKind.AsteriskAsteriskToken,
    this.ts.SyntaxKind.LessThanLessThanToken,
    this.ts.SyntaxKind.GreaterThanGreaterThanToken,
    this.ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
    this.ts.SyntaxKind.AmpersandToken,
    this.ts.SyntaxKind.BarToken,
    this.ts.SyntaxKind.CaretToken,
  ]);
  private readonly booleanOperators = new Set([
    this.ts.SyntaxKind.LessThanToken,
    this.ts.SyntaxKind.GreaterThanToken,
    this.ts.SyntaxKind.LessThanEqualsToken,
    this.ts.SyntaxKind.GreaterThanEqualsToken,
    this.ts.SyntaxKind.EqualsEqualsToken,
    this.ts.SyntaxKind.ExclamationEqualsToken,
    this.ts.SyntaxKind.EqualsEqualsEqualsToken,
    this.ts.SyntaxKind.ExclamationEqualsEqualsToken,
    this.ts.SyntaxKind.InstanceOfKeyword,
    this.ts.SyntaxKind.InKeyword,
  ]);

  /** Arithmetic and comparisons always give primitives; `&&`, `||`, `??` give one of their operands. */
  private notHoldableBinary(e: TS.BinaryExpression, depth: number): string | undefined {
    const k = e.operatorToken.kind;
    const S = this.ts.SyntaxKind;
    if (k === S.PlusToken) return 'a string or number';
    if (this.numberOperators.has(k)) return 'a number';
    if (this.booleanOperators.has(k)) return 'a boolean';
    if (k === S.AmpersandAmpersandToken || k === S.BarBarToken || k === S.QuestionQuestionToken)
      return this.neitherHoldable(e.left, e.right, depth);
    if (k === S.CommaToken || k === S.EqualsToken) return this.notHoldable(e.right, depth + 1);
    return undefined;
  }

  /** A value that is one of two expressions is not holdable only when neither is. */
  private neitherHoldable(a: TS.Expression, b: TS.Expression, depth: number): string | undefined {
    const first = this.notHoldable(a, depth + 1);
    const second = first && this.notHoldable(b, depth + 1);
    return first && second ? (first === second ? first : 'a primitive') : undefined;
  }

  /** `String(x)` and the other conversions, and `Symbol.for(…)`. */
  private primitiveCall(e: TS.CallExpression): string | undefined {
    const ts = this.ts;
    const callee = this.unwrap(e.expression);
    const name = this.builtinName(callee);
    if (name && PRIMITIVE_CONVERSIONS[name]) return PRIMITIVE_CONVERSIONS[name];
    if (
      ts.isPropertyAccessExpression(callee) &&
      callee.name.text === 'for' &&
      this.builtinName(callee.expression) === 'Symbol'
    )
      return 'a registered symbol (Symbol.for)';
    return undefined;
  }

  /** True for `undefined` or `void …`: an unregister token may be left out this way. */
  isUndefined(e: TS.Expression): boolean {
    return this.notHoldable(e) === 'undefined';
  }

  /**
   * A value created right here that nothing else can hold: `{…}`, `[…]`, a function or class
   * expression, a regex literal, `new C()`, `fn.bind(x)`. Returns its kind.
   */
  freshValue(e: TS.Expression): FreshValue | undefined {
    const ts = this.ts;
    e = this.unwrap(e);
    if (ts.isObjectLiteralExpression(e)) return { kind: 'object-literal' };
    if (ts.isArrayLiteralExpression(e)) return { kind: 'array-literal' };
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) return { kind: 'function-expression' };
    if (ts.isClassExpression(e)) return { kind: 'class-expression' };
    if (ts.isRegularExpressionLiteral(e)) return { kind: 'regexp-literal' };
    if (ts.isNewExpression(e))
      return { kind: 'instance', className: ts.isIdentifier(e.expression) ? e.expression.text : 'object' };
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'bind')
      return { kind: 'bound-function' };
    return undefined;
  }

  /** Two expressions that certainly denote the same value: the same binding, `this`, or the same `this.x`. */
  sameValue(a: TS.Expression, b: TS.Expression): boolean {
    const ts = this.ts;
    a = this.unwrap(a);
    b = this.unwrap(b);
    if (ts.isIdentifier(a) && ts.isIdentifier(b)) {
      if (a.text !== b.text) return false;
      // Both unresolved: the same global (or undeclared) variable.
      return this.scopes.resolve(a) === this.scopes.resolve(b);
    }
    if (a.kind === ts.SyntaxKind.ThisKeyword && b.kind === ts.SyntaxKind.ThisKeyword)
      return this.thisClass(a) === this.thisClass(b) && this.scopes.functionOf(a) === this.scopes.functionOf(b);
    if (ts.isPropertyAccessExpression(a) && ts.isPropertyAccessExpression(b))
      return a.name.text === b.name.text && this.sameValue(a.expression, b.expression);
    return false;
  }
}

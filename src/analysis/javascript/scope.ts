// Scope resolution, computed lazily: only the scopes on the path from a node the rules ask
// about are ever built. A name that resolves to no declaration in the file is a global, so
// a local `class WeakRef {}`, a parameter called `WeakMap` or an import of that name is
// never mistaken for the built-in.
import type * as TS from 'typescript';
import { typescript } from './tsLoader';
import { isWrapper, RUNTIME_VALUE } from './wrappers';

export type BindingKind =
  'var' | 'let' | 'const' | 'param' | 'function' | 'class' | 'import' | 'catch' | 'enum' | 'other';

export interface Binding {
  name: string;
  kind: BindingKind;
  /** The identifier that declares it. */
  nameNode: TS.Identifier;
  /** The node whose subtree is the binding's scope. */
  scope: TS.Node;
  /** The initializer, when the name is bound directly (not through a destructuring pattern). */
  init?: TS.Expression;
  /** A TypeScript type annotation, when the name is bound directly. */
  type?: TS.TypeNode;
  /** A function declaration's node (for callbacks passed by name). */
  declaration?: TS.Node;
}

export class Scopes {
  private readonly ts = typescript();
  private readonly declared = new Map<TS.Node, Map<string, Binding>>();
  private readonly reassigned = new Map<Binding, boolean>();
  private readonly references = new Map<Binding, TS.Identifier[]>();

  constructor(readonly sourceFile: TS.SourceFile) {}

  private readonly functionKinds = new Set([
    this.ts.SyntaxKind.FunctionDeclaration,
    this.ts.SyntaxKind.FunctionExpression,
    this.ts.SyntaxKind.ArrowFunction,
    this.ts.SyntaxKind.MethodDeclaration,
    this.ts.SyntaxKind.Constructor,
    this.ts.SyntaxKind.GetAccessor,
    this.ts.SyntaxKind.SetAccessor,
  ]);
  private readonly scopeKinds = new Set([
    this.ts.SyntaxKind.SourceFile,
    this.ts.SyntaxKind.ModuleBlock,
    this.ts.SyntaxKind.CaseBlock,
    this.ts.SyntaxKind.ForStatement,
    this.ts.SyntaxKind.ForInStatement,
    this.ts.SyntaxKind.ForOfStatement,
    this.ts.SyntaxKind.CatchClause,
    this.ts.SyntaxKind.ClassExpression,
    this.ts.SyntaxKind.ClassStaticBlockDeclaration,
  ]);

  /** Nodes whose `name` declares a property, member or binding: that identifier is no reference. */
  private readonly namingKinds = new Set([
    this.ts.SyntaxKind.PropertyAssignment,
    this.ts.SyntaxKind.PropertyDeclaration,
    this.ts.SyntaxKind.MethodDeclaration,
    this.ts.SyntaxKind.PropertySignature,
    this.ts.SyntaxKind.MethodSignature,
    this.ts.SyntaxKind.GetAccessor,
    this.ts.SyntaxKind.SetAccessor,
    this.ts.SyntaxKind.EnumMember,
    this.ts.SyntaxKind.VariableDeclaration,
    this.ts.SyntaxKind.Parameter,
    this.ts.SyntaxKind.FunctionDeclaration,
    this.ts.SyntaxKind.ClassDeclaration,
    this.ts.SyntaxKind.FunctionExpression,
    this.ts.SyntaxKind.ClassExpression,
    this.ts.SyntaxKind.BindingElement,
  ]);

  isFunctionLike(node: TS.Node): node is TS.FunctionLikeDeclaration {
    return this.functionKinds.has(node.kind);
  }

  /** Nodes that open a scope. A function's body block shares the function's scope. */
  isScope(node: TS.Node): boolean {
    const k = node.kind;
    if (this.functionKinds.has(k) || this.scopeKinds.has(k)) return true;
    if (k === this.ts.SyntaxKind.Block)
      return !(
        node.parent &&
        (this.functionKinds.has(node.parent.kind) || node.parent.kind === this.ts.SyntaxKind.CatchClause)
      );
    return false;
  }

  /** The innermost function (or the file) that contains a node: where `await` and `this` belong. */
  functionOf(node: TS.Node): TS.Node {
    let n: TS.Node | undefined = node.parent;
    while (n && !this.isFunctionLike(n) && !this.ts.isSourceFile(n) && !this.ts.isClassStaticBlockDeclaration(n))
      n = n.parent;
    return n ?? this.sourceFile;
  }

  private readonly lookups = new Map<TS.Node, Map<string, Binding | null>>();

  /** The nearest scope node that contains a node (not the node itself). */
  private enclosingScope(node: TS.Node): TS.Node | undefined {
    for (let n: TS.Node | undefined = node.parent; n; n = n.parent) if (this.isScope(n)) return n;
    return undefined;
  }

  /** `name` as seen from inside `scope`, memoized per scope: rules ask about the same names often. */
  private lookup(scope: TS.Node | undefined, name: string): Binding | undefined {
    if (!scope) return undefined;
    let memo = this.lookups.get(scope);
    if (!memo) this.lookups.set(scope, (memo = new Map<string, Binding | null>()));
    const known = memo.get(name);
    if (known !== undefined) return known ?? undefined;
    const found = this.declarations(scope).get(name) ?? this.lookup(this.enclosingScope(scope), name);
    memo.set(name, found ?? null);
    return found;
  }

  /** The binding an identifier refers to, or undefined for a global (or an unknown name). */
  resolve(id: TS.Identifier): Binding | undefined {
    return this.lookup(this.enclosingScope(id), id.text);
  }

  /** True when `name` at `node` is the global of that name (nothing in the file shadows it). */
  isGlobal(node: TS.Node, name: string): boolean {
    const own = this.isScope(node) ? node : this.enclosingScope(node);
    return this.lookup(own, name) === undefined;
  }

  declarations(scope: TS.Node): Map<string, Binding> {
    let map = this.declared.get(scope);
    if (!map) {
      map = new Map();
      this.declared.set(scope, map);
      new DeclarationCollector(this.ts, scope, map).collect((n) => this.isFunctionLike(n));
    }
    return map;
  }

  /** Identifiers in the binding's scope that refer to it (not the declaration itself). */
  referencesOf(binding: Binding): TS.Identifier[] {
    let refs = this.references.get(binding);
    if (refs) return refs;
    refs = [];
    // Only the identifiers of that name inside the scope: walking the scope once per binding made
    // a file of many top-level bindings quadratic (0.25 MB: 33 s; 0.5 MB: 104 s).
    const named = this.identifiersNamed(binding.name);
    const { pos, end } = binding.scope;
    for (let i = firstAtOrAfter(named, pos); i < named.length && named[i].end <= end; i++) {
      const n = named[i];
      if (n !== binding.nameNode && this.isReference(n) && this.resolve(n) === binding) refs.push(n);
    }
    this.references.set(binding, refs);
    return refs;
  }

  private byName: Map<string, TS.Identifier[]> | undefined;

  /** Every identifier in the file with this text, in the order of the text: one walk of the file for all names. */
  private identifiersNamed(name: string): TS.Identifier[] {
    if (!this.byName) {
      const byName = new Map<string, TS.Identifier[]>();
      const ts = this.ts;
      const visit = (n: TS.Node): void => {
        if (!ts.isIdentifier(n)) return void ts.forEachChild(n, visit);
        let list = byName.get(n.text);
        if (!list) byName.set(n.text, (list = []));
        list.push(n);
      };
      visit(this.sourceFile);
      for (const list of byName.values()) list.sort((a, b) => a.pos - b.pos);
      this.byName = byName;
    }
    return this.byName.get(name) ?? [];
  }

  /** False for identifiers that name a property, a label or a declaration rather than a value. */
  isReference(id: TS.Identifier): boolean {
    const ts = this.ts;
    const p = id.parent;
    if (!p) return false;
    if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
    if (ts.isQualifiedName(p) && p.right === id) return false;
    if (this.namingKinds.has(p.kind) && (p as TS.NamedDeclaration).name === id) return false;
    if (ts.isBindingElement(p) && p.propertyName === id) return false;
    if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === id) return false;
    if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
    if (ts.isJsxAttribute(p)) return false;
    if (ts.isTypeReferenceNode(p) || ts.isTypeQueryNode(p) || ts.isExpressionWithTypeArguments(p))
      return (
        ts.isExpressionWithTypeArguments(p) &&
        ts.isHeritageClause(p.parent) &&
        p.parent.token === ts.SyntaxKind.ExtendsKeyword
      );
    return true;
  }

  /** True when something assigns to the binding after its declaration. */
  isReassigned(binding: Binding): boolean {
    if (binding.kind === 'const' || binding.kind === 'import' || binding.kind === 'enum') return false;
    let r = this.reassigned.get(binding);
    if (r === undefined) {
      r = this.referencesOf(binding).some((id) => this.isWriteTarget(id));
      this.reassigned.set(binding, r);
    }
    return r;
  }

  /** An identifier written to: `x = …`, `x += …`, `x++`, a destructuring target, `for (x of …)`. */
  isWriteTarget(node: TS.Node): boolean {
    const ts = this.ts;
    let n: TS.Node = node;
    for (;;) {
      const p: TS.Node | undefined = n.parent;
      if (!p) return false;
      if (isWrapper(p, RUNTIME_VALUE)) {
        n = p;
        continue;
      }
      if (ts.isBinaryExpression(p)) {
        const k = p.operatorToken.kind;
        return p.left === n && k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
      }
      if (ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p))
        return p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken;
      if ((ts.isForOfStatement(p) || ts.isForInStatement(p)) && p.initializer === n) return true;
      if (
        ts.isShorthandPropertyAssignment(p) ||
        ts.isSpreadAssignment(p) ||
        ts.isSpreadElement(p) ||
        (ts.isPropertyAssignment(p) && p.initializer === n)
      ) {
        n = p;
        continue;
      }
      if (ts.isArrayLiteralExpression(p) || ts.isObjectLiteralExpression(p)) {
        n = p;
        continue;
      }
      return false;
    }
  }
}

/** Fills one scope's map of declarations: each kind of scope declares names in its own places. */
class DeclarationCollector {
  constructor(
    private readonly ts: typeof TS,
    private readonly scope: TS.Node,
    private readonly map: Map<string, Binding>,
  ) {}

  collect(isFunctionLike: (n: TS.Node) => n is TS.FunctionLikeDeclaration): void {
    const { ts, scope } = this;
    if (ts.isSourceFile(scope)) this.statementList(scope.statements);
    else if (isFunctionLike(scope)) this.functionScope(scope);
    else if (ts.isBlock(scope) || ts.isModuleBlock(scope)) this.lexical(scope.statements);
    else if (ts.isClassStaticBlockDeclaration(scope)) this.lexical(scope.body.statements);
    else if (ts.isCaseBlock(scope)) for (const clause of scope.clauses) this.lexical(clause.statements);
    else if (ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) {
      const init = scope.initializer;
      if (init && ts.isVariableDeclarationList(init)) this.list(init, 'block');
    } else if (ts.isCatchClause(scope)) {
      if (scope.variableDeclaration) this.pattern(scope.variableDeclaration.name, 'catch');
      this.lexical(scope.block.statements);
    } else if (ts.isClassExpression(scope) && scope.name) this.add(scope.name, 'class', { declaration: scope });
  }

  /** A function's own name (for an expression), its parameters, and its body's declarations. */
  private functionScope(fn: TS.FunctionLikeDeclaration): void {
    const ts = this.ts;
    if (ts.isFunctionExpression(fn) && fn.name) this.add(fn.name, 'function', { declaration: fn });
    for (const p of fn.parameters) this.pattern(p.name, 'param', undefined, p.type);
    if (fn.body && ts.isBlock(fn.body)) this.statementList(fn.body.statements);
  }

  /** A statement list that ends a function (or the file): its lexical declarations, and the `var`s hoisted to it. */
  private statementList(statements: readonly TS.Statement[]): void {
    this.lexical(statements);
    statements.forEach((s) => this.hoistedVars(s));
  }

  /** The first declaration of a name wins, as in the scope it models. */
  private add(nameNode: TS.Identifier, kind: BindingKind, extra: Partial<Binding> = {}): void {
    if (!this.map.has(nameNode.text))
      this.map.set(nameNode.text, { name: nameNode.text, kind, nameNode, scope: this.scope, ...extra });
  }

  /** A name or a destructuring pattern; only a plain name keeps its initializer and type. */
  private pattern(name: TS.BindingName, kind: BindingKind, init?: TS.Expression, type?: TS.TypeNode): void {
    if (this.ts.isIdentifier(name)) this.add(name, kind, { init, type });
    else for (const el of name.elements) if (!this.ts.isOmittedExpression(el)) this.pattern(el.name, kind);
  }

  private listKind(list: TS.VariableDeclarationList): BindingKind {
    const flags = this.ts.NodeFlags;
    if (list.flags & flags.Const) return 'const';
    if (list.flags & flags.Let) return 'let';
    // `using` and `await using`: block-scoped and never reassigned.
    return list.flags & flags.BlockScoped ? 'const' : 'var';
  }

  /** A declaration list's names, only its block-scoped ones or only its `var`s. */
  private list(list: TS.VariableDeclarationList, only: 'block' | 'var'): void {
    const kind = this.listKind(list);
    if ((kind === 'var') !== (only === 'var')) return;
    for (const d of list.declarations) this.pattern(d.name, kind, d.initializer, d.type);
  }

  /** Lexical declarations directly in a statement list. */
  private lexical(statements: readonly TS.Statement[]): void {
    const ts = this.ts;
    for (const s of statements) {
      if (ts.isVariableStatement(s)) this.list(s.declarationList, 'block');
      else if (ts.isFunctionDeclaration(s) && s.name) this.add(s.name, 'function', { declaration: s });
      else if (ts.isClassDeclaration(s) && s.name) this.add(s.name, 'class', { declaration: s });
      else if (ts.isEnumDeclaration(s)) this.add(s.name, 'enum');
      else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) this.add(s.name, 'other');
      else if (ts.isImportEqualsDeclaration(s)) this.add(s.name, 'import');
      else if (ts.isImportDeclaration(s) && s.importClause && !s.importClause.isTypeOnly) this.imports(s.importClause);
    }
  }

  private imports(clause: TS.ImportClause): void {
    if (clause.name) this.add(clause.name, 'import');
    const named = clause.namedBindings;
    if (!named) return;
    if (this.ts.isNamespaceImport(named)) this.add(named.name, 'import');
    else for (const el of named.elements) if (!el.isTypeOnly) this.add(el.name, 'import');
  }

  /**
   * `var` declarations hoist to the function (or file) through every nested block. They can
   * only appear in statements, so expressions are never entered (that would walk the file).
   */
  private hoistedVars(n: TS.Statement | undefined): void {
    const ts = this.ts;
    if (!n) return;
    switch (n.kind) {
      case ts.SyntaxKind.VariableStatement:
        this.list((n as TS.VariableStatement).declarationList, 'var');
        return;
      case ts.SyntaxKind.Block:
        (n as TS.Block).statements.forEach((s) => this.hoistedVars(s));
        return;
      case ts.SyntaxKind.IfStatement:
        this.hoistedVars((n as TS.IfStatement).thenStatement);
        this.hoistedVars((n as TS.IfStatement).elseStatement);
        return;
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.ForInStatement:
      case ts.SyntaxKind.ForOfStatement: {
        const loop = n as TS.ForStatement | TS.ForInStatement | TS.ForOfStatement;
        if (loop.initializer && ts.isVariableDeclarationList(loop.initializer)) this.list(loop.initializer, 'var');
        this.hoistedVars(loop.statement);
        return;
      }
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.LabeledStatement:
      case ts.SyntaxKind.WithStatement:
        this.hoistedVars((n as TS.WhileStatement).statement);
        return;
      case ts.SyntaxKind.TryStatement: {
        const t = n as TS.TryStatement;
        this.hoistedVars(t.tryBlock);
        this.hoistedVars(t.catchClause?.block);
        this.hoistedVars(t.finallyBlock);
        return;
      }
      case ts.SyntaxKind.SwitchStatement:
        for (const clause of (n as TS.SwitchStatement).caseBlock.clauses)
          clause.statements.forEach((s) => this.hoistedVars(s));
        return;
    }
  }
}

/** The index of the first identifier that starts at or after `pos` (the list is in text order). */
function firstAtOrAfter(list: readonly TS.Node[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

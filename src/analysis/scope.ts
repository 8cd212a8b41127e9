// Scope resolution, computed lazily: only the scopes on the path from a node the rules ask
// about are ever built. A name that resolves to no declaration in the file is a global, so
// a local `class WeakRef {}`, a parameter called `WeakMap` or an import of that name is
// never mistaken for the built-in.
import type * as TS from 'typescript';
import { typescript } from './tsLoader';

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
      this.collect(scope, map);
    }
    return map;
  }

  private collect(scope: TS.Node, map: Map<string, Binding>): void {
    const ts = this.ts;
    const add = (nameNode: TS.Identifier, kind: BindingKind, extra: Partial<Binding> = {}) => {
      if (!map.has(nameNode.text)) map.set(nameNode.text, { name: nameNode.text, kind, nameNode, scope, ...extra });
    };
    const addPattern = (name: TS.BindingName, kind: BindingKind, init?: TS.Expression, type?: TS.TypeNode) => {
      if (ts.isIdentifier(name)) add(name, kind, { init, type });
      else for (const el of name.elements) if (!ts.isOmittedExpression(el)) addPattern(el.name, kind);
    };
    const listKind = (list: TS.VariableDeclarationList): BindingKind =>
      list.flags & ts.NodeFlags.Const
        ? 'const'
        : list.flags & ts.NodeFlags.Let
          ? 'let'
          : (list.flags & ts.NodeFlags.BlockScoped) !== 0
            ? 'const'
            : 'var';
    const addList = (list: TS.VariableDeclarationList, onlyKind?: 'block' | 'var') => {
      const kind = listKind(list);
      if (onlyKind === 'var' && kind !== 'var') return;
      if (onlyKind === 'block' && kind === 'var') return;
      for (const d of list.declarations) addPattern(d.name, kind, d.initializer, d.type);
    };
    // Lexical declarations directly in a statement list.
    const lexical = (statements: readonly TS.Statement[]) => {
      for (const s of statements) {
        if (ts.isVariableStatement(s)) addList(s.declarationList, 'block');
        else if (ts.isFunctionDeclaration(s) && s.name) add(s.name, 'function', { declaration: s });
        else if (ts.isClassDeclaration(s) && s.name) add(s.name, 'class', { declaration: s });
        else if (ts.isEnumDeclaration(s)) add(s.name, 'enum');
        else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name)) add(s.name, 'other');
        else if (ts.isImportEqualsDeclaration(s)) add(s.name, 'import');
        else if (ts.isImportDeclaration(s) && s.importClause && !s.importClause.isTypeOnly) {
          const c = s.importClause;
          if (c.name) add(c.name, 'import');
          if (c.namedBindings) {
            if (ts.isNamespaceImport(c.namedBindings)) add(c.namedBindings.name, 'import');
            else for (const el of c.namedBindings.elements) if (!el.isTypeOnly) add(el.name, 'import');
          }
        }
      }
    };
    // `var` declarations hoist to the function (or file) through every nested block. They can
    // only appear in statements, so expressions are never entered (that would walk the file).
    const hoisted = (node: TS.Node) => {
      const statement = (n: TS.Node | undefined): void => {
        if (!n) return;
        switch (n.kind) {
          case ts.SyntaxKind.VariableStatement:
            addList((n as TS.VariableStatement).declarationList, 'var');
            return;
          case ts.SyntaxKind.Block:
            (n as TS.Block).statements.forEach(statement);
            return;
          case ts.SyntaxKind.IfStatement:
            statement((n as TS.IfStatement).thenStatement);
            statement((n as TS.IfStatement).elseStatement);
            return;
          case ts.SyntaxKind.ForStatement:
          case ts.SyntaxKind.ForInStatement:
          case ts.SyntaxKind.ForOfStatement: {
            const loop = n as TS.ForStatement | TS.ForInStatement | TS.ForOfStatement;
            if (loop.initializer && ts.isVariableDeclarationList(loop.initializer)) addList(loop.initializer, 'var');
            statement(loop.statement);
            return;
          }
          case ts.SyntaxKind.WhileStatement:
          case ts.SyntaxKind.DoStatement:
          case ts.SyntaxKind.LabeledStatement:
          case ts.SyntaxKind.WithStatement:
            statement((n as TS.WhileStatement).statement);
            return;
          case ts.SyntaxKind.TryStatement: {
            const t = n as TS.TryStatement;
            statement(t.tryBlock);
            statement(t.catchClause?.block);
            statement(t.finallyBlock);
            return;
          }
          case ts.SyntaxKind.SwitchStatement:
            for (const clause of (n as TS.SwitchStatement).caseBlock.clauses) clause.statements.forEach(statement);
            return;
          case ts.SyntaxKind.ModuleDeclaration:
            return;
        }
      };
      if (ts.isSourceFile(node) || ts.isBlock(node)) node.statements.forEach(statement);
    };

    if (ts.isSourceFile(scope)) {
      lexical(scope.statements);
      hoisted(scope);
    } else if (this.isFunctionLike(scope)) {
      if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name)
        add(scope.name, 'function', { declaration: scope });
      for (const p of scope.parameters) addPattern(p.name, 'param', undefined, p.type);
      const body = scope.body;
      if (body && ts.isBlock(body)) {
        lexical(body.statements);
        hoisted(body);
      }
    } else if (ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isClassStaticBlockDeclaration(scope)) {
      lexical(ts.isClassStaticBlockDeclaration(scope) ? scope.body.statements : scope.statements);
    } else if (ts.isCaseBlock(scope)) {
      for (const clause of scope.clauses) lexical(clause.statements);
    } else if (ts.isForStatement(scope) || ts.isForInStatement(scope) || ts.isForOfStatement(scope)) {
      const init = scope.initializer;
      if (init && ts.isVariableDeclarationList(init)) addList(init, 'block');
    } else if (ts.isCatchClause(scope)) {
      if (scope.variableDeclaration) addPattern(scope.variableDeclaration.name, 'catch');
      lexical(scope.block.statements);
    } else if (ts.isClassExpression(scope) && scope.name) {
      add(scope.name, 'class', { declaration: scope });
    }
  }

  /** Identifiers in the binding's scope that refer to it (not the declaration itself). */
  referencesOf(binding: Binding): TS.Identifier[] {
    let refs = this.references.get(binding);
    if (refs) return refs;
    refs = [];
    const ts = this.ts;
    const list = refs;
    const visit = (n: TS.Node): void => {
      if (ts.isIdentifier(n)) {
        if (n.text === binding.name && n !== binding.nameNode && this.isReference(n) && this.resolve(n) === binding)
          list.push(n);
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(binding.scope);
    this.references.set(binding, refs);
    return refs;
  }

  /** False for identifiers that name a property, a label or a declaration rather than a value. */
  isReference(id: TS.Identifier): boolean {
    const ts = this.ts;
    const p = id.parent;
    if (!p) return false;
    if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
    if (ts.isQualifiedName(p) && p.right === id) return false;
    if (
      (ts.isPropertyAssignment(p) ||
        ts.isPropertyDeclaration(p) ||
        ts.isMethodDeclaration(p) ||
        ts.isPropertySignature(p) ||
        ts.isMethodSignature(p) ||
        ts.isGetAccessor(p) ||
        ts.isSetAccessor(p) ||
        ts.isEnumMember(p)) &&
      p.name === id
    )
      return false;
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
    if (
      (ts.isVariableDeclaration(p) ||
        ts.isParameter(p) ||
        ts.isFunctionDeclaration(p) ||
        ts.isClassDeclaration(p) ||
        ts.isFunctionExpression(p) ||
        ts.isClassExpression(p) ||
        ts.isBindingElement(p)) &&
      p.name === id
    )
      return false;
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
      if (
        ts.isParenthesizedExpression(p) ||
        ts.isNonNullExpression(p) ||
        ts.isAsExpression(p) ||
        ts.isSatisfiesExpression(p) ||
        ts.isTypeAssertionExpression(p)
      ) {
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

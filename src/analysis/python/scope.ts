// Python name resolution: module, class, function, lambda and comprehension scopes, with the
// bindings each makes (imports, defs, classes, parameters, assignments, loop targets…). Not
// flow-sensitive, as Python's own rule: a name bound anywhere in a function is local to it.
import { FUNCTION_TYPES, named, SCOPE_TYPES, type PyNode } from './tree';

export type BindingKind = 'import-module' | 'import-from' | 'def' | 'class' | 'param' | 'assign' | 'walrus' | 'other';

export interface Binding {
  kind: BindingKind;
  name: string;
  /** The name's node where it is bound. */
  node: PyNode;
  /** assign/walrus: the value; def/class: the definition. */
  value?: PyNode;
  /** import-module: the module; import-from: the module and the imported name. */
  module?: string;
  imported?: string;
}

export interface Scope {
  node: PyNode;
  kind: 'module' | 'class' | 'function' | 'comprehension';
  parent: Scope | undefined;
  bindings: Map<string, Binding[]>;
  /** Names declared global or nonlocal here: they are not resolved (precision first). */
  declared: Set<string>;
  hasStarImport: boolean;
}

export type Resolution = { scope: Scope; bindings: Binding[] } | 'builtin' | undefined;

const WEAKREF_STAR_NAMES = [
  'ref',
  'proxy',
  'finalize',
  'WeakMethod',
  'WeakSet',
  'WeakKeyDictionary',
  'WeakValueDictionary',
  'ReferenceType',
  'ProxyType',
  'getweakrefcount',
  'getweakrefs',
];

export class Scopes {
  readonly module: Scope;
  private readonly byNode = new Map<PyNode, Scope>();

  constructor(
    private readonly text: string,
    root: PyNode,
  ) {
    this.module = this.newScope(root, 'module', undefined);
    this.visit(root, this.module);
  }

  textOf(n: PyNode): string {
    return this.text.slice(n.from, n.to);
  }

  scopeFor(node: PyNode): Scope | undefined {
    return this.byNode.get(node);
  }

  /** The scope a node is evaluated in. */
  scopeOf(node: PyNode): Scope {
    // A parameter's own name belongs to its function; its default value does not.
    const list = node.parent;
    if (
      node.type === 'VariableName' &&
      list?.type === 'ParamList' &&
      list.children[list.children.indexOf(node) - 1]?.type !== 'AssignOp'
    ) {
      const fnScope = list.parent && this.byNode.get(list.parent);
      if (fnScope) return fnScope;
    }
    let child = node;
    for (let p = node.parent; p; child = p, p = p.parent) {
      const s = this.byNode.get(p);
      if (!s) continue;
      if (p.type === 'FunctionDefinition' || p.type === 'ClassDefinition') {
        if (child.type === 'Body') return s;
      } else if (p.type === 'LambdaExpression') {
        if (child.type !== 'ParamList') return s;
      } else return s;
    }
    return this.module;
  }

  resolveName(name: string, from: Scope): Resolution {
    let first = true;
    for (let s: Scope | undefined = from; s; s = s.parent) {
      // Class bodies are not visible from the functions and comprehensions inside them.
      if (s.kind === 'class' && !first) continue;
      first = false;
      if (s.declared.has(name)) return undefined;
      const b = s.bindings.get(name);
      if (b) return { scope: s, bindings: b };
      if (s.hasStarImport) return undefined;
    }
    return 'builtin';
  }

  resolve(nameNode: PyNode): Resolution {
    return this.resolveName(this.textOf(nameNode), this.scopeOf(nameNode));
  }

  /** The only binding of a name, if it has exactly one. */
  single(nameNode: PyNode): Binding | undefined {
    const r = this.resolve(nameNode);
    return r && r !== 'builtin' && r.bindings.length === 1 ? r.bindings[0] : undefined;
  }

  private newScope(node: PyNode, kind: Scope['kind'], parent: Scope | undefined): Scope {
    const s: Scope = { node, kind, parent, bindings: new Map(), declared: new Set(), hasStarImport: false };
    this.byNode.set(node, s);
    return s;
  }

  private bind(scope: Scope, b: Binding): void {
    const list = scope.bindings.get(b.name);
    if (list) list.push(b);
    else scope.bindings.set(b.name, [b]);
  }

  private bindTarget(scope: Scope, target: PyNode, kind: BindingKind, value?: PyNode): void {
    if (target.type === 'VariableName') this.bind(scope, { kind, name: this.textOf(target), node: target, value });
    else if (
      target.type === 'TupleExpression' ||
      target.type === 'ArrayExpression' ||
      target.type === 'ParenthesizedExpression'
    )
      for (const c of named(target)) this.bindTarget(scope, c, 'other');
    else if (target.type === 'StarExpression' || target.type === 'SpreadElement')
      for (const c of named(target)) this.bindTarget(scope, c, 'other');
  }

  private visit(root: PyNode, rootScope: Scope): void {
    // Iterative: [node, scope] pairs.
    const stack: [PyNode, Scope][] = [[root, rootScope]];
    while (stack.length > 0) {
      const [n, scope] = stack.pop()!;
      const pushChildren = (s: Scope, children = n.children) => {
        for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], s]);
      };
      switch (n.type) {
        case 'ImportStatement':
          this.visitImport(n, scope);
          continue;
        case 'ClassDefinition': {
          const name = n.children.find((c) => c.type === 'VariableName');
          if (name) this.bind(scope, { kind: 'class', name: this.textOf(name), node: name, value: n });
          const inner = this.newScope(n, 'class', scope);
          for (const c of n.children) stack.push([c, c.type === 'Body' ? inner : scope]);
          continue;
        }
        case 'FunctionDefinition': {
          const name = n.children.find((c) => c.type === 'VariableName');
          if (name) this.bind(scope, { kind: 'def', name: this.textOf(name), node: name, value: n });
          const inner = this.newScope(n, 'function', scope);
          for (const c of n.children) {
            if (c.type === 'ParamList') this.visitParams(c, inner, scope, stack);
            else if (c.type === 'Body') stack.push([c, inner]);
            else if (c !== name) stack.push([c, scope]);
          }
          continue;
        }
        case 'LambdaExpression': {
          const inner = this.newScope(n, 'function', scope);
          for (const c of n.children) {
            if (c.type === 'ParamList') this.visitParams(c, inner, scope, stack);
            else stack.push([c, inner]);
          }
          continue;
        }
        case 'ArrayComprehensionExpression':
        case 'DictionaryComprehensionExpression':
        case 'SetComprehensionExpression':
        case 'ComprehensionExpression': {
          const inner = this.newScope(n, 'comprehension', scope);
          this.bindLoopTargets(n, inner);
          pushChildren(inner);
          continue;
        }
        case 'AssignStatement': {
          const groups = splitBy(n.children, 'AssignOp');
          if (groups.length >= 2) {
            const value = groups[groups.length - 1].filter((c) => c.type !== ',' && c.type !== 'Comment');
            for (const g of groups.slice(0, -1)) {
              const targets = g.filter((c) => c.type !== ',' && c.type !== 'TypeDef' && c.type !== 'Comment');
              const single =
                targets.length === 1 &&
                !g.some((c) => c.type === ',') &&
                value.length === 1 &&
                !groups[groups.length - 1].some((c) => c.type === ',');
              for (const t of targets)
                this.bindTarget(scope, t, single ? 'assign' : 'other', single ? value[0] : undefined);
            }
          } else {
            // An annotation alone (`x: int`) binds nothing.
          }
          break;
        }
        case 'DeleteStatement':
          // `del x` unbinds; it gives x no new value, so it does not make x's value unknown.
          break;
        case 'UpdateStatement': {
          for (const c of named(n)) if (c.type === 'VariableName') this.bindTarget(scope, c, 'other');
          break;
        }
        case 'NamedExpression': {
          const [target, value] = named(n);
          let s = scope;
          while (s.kind === 'comprehension' && s.parent) s = s.parent;
          if (target?.type === 'VariableName')
            this.bind(s, { kind: 'walrus', name: this.textOf(target), node: target, value });
          break;
        }
        case 'ForStatement':
          this.bindLoopTargets(n, scope);
          break;
        case 'WithStatement':
        case 'TryStatement':
        case 'CaseClause':
        case 'MatchClause':
          for (let i = 0; i < n.children.length; i++) {
            if (n.children[i].type === 'as' && n.children[i + 1]) this.bindTarget(scope, n.children[i + 1], 'other');
          }
          if (n.type !== 'WithStatement' && n.type !== 'TryStatement') {
            // Capture patterns: every name in a pattern may be bound.
            for (const c of n.children) if (c.type !== 'Body') this.bindAllNames(c, scope);
          }
          break;
        case 'ScopeStatement':
          for (const c of named(n)) if (c.type === 'VariableName') scope.declared.add(this.textOf(c));
          continue;
      }
      pushChildren(scope);
    }
  }

  private bindAllNames(n: PyNode, scope: Scope): void {
    if (n.type === 'VariableName') this.bind(scope, { kind: 'other', name: this.textOf(n), node: n });
    for (const c of n.children) this.bindAllNames(c, scope);
  }

  /** `for <targets> in`: the names between each `for` and its `in`. */
  private bindLoopTargets(n: PyNode, scope: Scope): void {
    let inTargets = false;
    for (const c of n.children) {
      if (c.type === 'for') inTargets = true;
      else if (c.type === 'in') inTargets = false;
      else if (inTargets && c.type !== ',') this.bindTarget(scope, c, 'other');
    }
  }

  private visitParams(list: PyNode, inner: Scope, outer: Scope, stack: [PyNode, Scope][]): void {
    // Groups between commas: [*|**] name [TypeDef] [= default]. Defaults are evaluated outside.
    for (const g of splitBy(list.children, ',')) {
      const name = g.find((c) => c.type === 'VariableName');
      const eq = g.findIndex((c) => c.type === 'AssignOp');
      if (name && (eq === -1 || g.indexOf(name) < eq))
        this.bind(inner, { kind: 'param', name: this.textOf(name), node: name });
      if (eq >= 0) for (const c of g.slice(eq + 1)) stack.push([c, outer]);
      for (const c of g) if (c.type === 'TypeDef') stack.push([c, outer]);
    }
  }

  private visitImport(n: PyNode, scope: Scope): void {
    const kids = n.children.filter((c) => c.type !== 'Comment');
    if (kids[0]?.type === 'from') {
      const importAt = kids.findIndex((c) => c.type === 'import');
      const module = kids
        .slice(1, importAt)
        .map((c) => this.textOf(c))
        .join('');
      for (const g of splitBy(kids.slice(importAt + 1), ',')) {
        const parts = g.filter((c) => c.type !== '(' && c.type !== ')');
        if (parts.some((c) => c.type === '*')) {
          if (module === 'weakref')
            for (const name of WEAKREF_STAR_NAMES)
              this.bind(scope, { kind: 'import-from', name, node: parts[0], module, imported: name });
          else scope.hasStarImport = true;
          continue;
        }
        const names = parts.filter((c) => c.type === 'VariableName');
        if (names.length === 0) continue;
        const local = names[names.length - 1];
        this.bind(scope, {
          kind: 'import-from',
          name: this.textOf(local),
          node: local,
          module,
          imported: this.textOf(names[0]),
        });
      }
    } else {
      for (const g of splitBy(kids.slice(1), ',')) {
        const asAt = g.findIndex((c) => c.type === 'as');
        const dotted = (asAt >= 0 ? g.slice(0, asAt) : g).map((c) => this.textOf(c)).join('');
        const local = asAt >= 0 ? g[asAt + 1] : g.find((c) => c.type === 'VariableName');
        if (!local || local.type !== 'VariableName') continue;
        // `import a.b` binds `a` to the package a, `import a.b as c` binds c to a.b.
        this.bind(scope, {
          kind: 'import-module',
          name: this.textOf(local),
          node: local,
          module: asAt >= 0 ? dotted : dotted.split('.')[0],
        });
      }
    }
  }
}

export function splitBy(children: PyNode[], type: string): PyNode[][] {
  const groups: PyNode[][] = [[]];
  for (const c of children) {
    if (c.type === type) groups.push([]);
    else groups[groups.length - 1].push(c);
  }
  return groups.filter((g, i) => g.length > 0 || i === 0);
}

export function isFunctionLike(n: PyNode): boolean {
  return FUNCTION_TYPES.has(n.type);
}

export { SCOPE_TYPES };

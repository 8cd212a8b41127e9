// What the rules need to know about values: which weakref API an expression names, which
// same-file class an instance belongs to and whether its instances can be weakly referenced,
// what kind of value an expression evaluates to, and whether one value holds another.
import { splitBy, type Binding, type Resolution, type Scopes } from './scope';
import { named, unparen, walk, type PyNode } from './tree';

// Limits on how far the model follows one question. Each ends a cycle the code may contain and
// answers "unknown" past it, which every rule reads as "stay silent" (precision first).
/** Bases followed to find a method: real hierarchies are shallow; `class A(B)`/`class B(A)` must end. */
const BASE_CLASS_LIMIT = 20;
/** Names followed to their assigned values (`a = b`, `b = c`, …): a cycle of names must end. */
const NAME_CHAIN_LIMIT = 10;
/** Containers and closures looked into for a held key: deeper nesting is left unjudged. */
const HOLDING_NESTING_LIMIT = 6;

/** The literal containers a value can be held in: list, tuple, set and dict displays. */
const DISPLAYS = new Set(['ArrayExpression', 'TupleExpression', 'SetExpression', 'DictionaryExpression']);
export type WeakApi =
  'ref' | 'proxy' | 'finalize' | 'WeakMethod' | 'WeakSet' | 'WeakKeyDictionary' | 'WeakValueDictionary';
const API_ALIASES: Record<string, WeakApi> = {
  ref: 'ref',
  ReferenceType: 'ref',
  proxy: 'proxy',
  finalize: 'finalize',
  WeakMethod: 'WeakMethod',
  WeakSet: 'WeakSet',
  WeakKeyDictionary: 'WeakKeyDictionary',
  WeakValueDictionary: 'WeakValueDictionary',
};

/** Built-in types whose instances CPython refuses to reference weakly (docs/rules/invalid-weak-target.md, In Python; each checked by the CPython differential test). */
const UNREFERENCEABLE_CALLS = new Set([
  'list',
  'dict',
  'tuple',
  'int',
  'float',
  'complex',
  'str',
  'bytes',
  'bytearray',
  'bool',
  'range',
  'object',
]);
/** Built-in bases whose subclasses still cannot be weakly referenced. */
const UNREFERENCEABLE_BASES = new Set(['int', 'tuple', 'bytes']);
/** Decorators after which a method is still an ordinary method. */
const PLAIN_METHOD_DECORATORS = new Set<string>();

export interface ClassInfo {
  name: string;
  node: PyNode;
  decorated: boolean;
  bases: PyNode[];
  hasKeywords: boolean;
  /** undefined: no __slots__; 'unknown': not a literal list of strings. */
  slots: string[] | 'unknown' | undefined;
  /** Methods by name, with their decorator texts. */
  methods: Map<string, { node: PyNode; decorators: string[] }>;
  /** Other class-level names (attributes). */
  classAttrs: Set<string>;
  /** `self.<name> = value` in the class's methods. */
  instanceAttrs: Map<string, PyNode[]>;
  /** The annotations (`TypeDef` nodes) of `self.<name>: T = …` and of class-level `<name>: T`. */
  attrAnnotations: Map<string, PyNode[]>;
}

/** Values that contradict a weakref annotation: a literal is never a weak reference or container. */
const LITERAL_TYPES = new Set([
  'None',
  'Boolean',
  'Number',
  'String',
  'FormatString',
  'ArrayExpression',
  'TupleExpression',
  'SetExpression',
  'DictionaryExpression',
  'ArrayComprehensionExpression',
  'SetComprehensionExpression',
  'DictionaryComprehensionExpression',
  'LambdaExpression',
]);

/** Built-in types (and `None`'s): calling one makes a value no weakref annotation can describe. */
const BUILTIN_TYPES = new Set([
  'dict',
  'list',
  'set',
  'frozenset',
  'tuple',
  'str',
  'bytes',
  'bytearray',
  'int',
  'float',
  'complex',
  'bool',
  'object',
  'type',
]);

/** A string annotation's `name` or `module.name`, with any `[…]` arguments. */
const STRING_ANNOTATION = /^\s*(?:([A-Za-z_]\w*)\s*\.\s*)?([A-Za-z_]\w*)\s*(?:\[[^'"]*\])?\s*$/;

export type Value =
  | { kind: 'unreferenceable'; type: string; why?: string }
  | { kind: 'fresh'; what: string }
  | { kind: 'bound-method'; receiver: PyNode; method: string }
  | { kind: 'unknown' };

const UNKNOWN: Value = { kind: 'unknown' };

export class Model {
  private readonly classes = new Map<PyNode, ClassInfo>();
  private readonly refusals = new Map<ClassInfo, string | false | null>();

  constructor(readonly scopes: Scopes) {}

  text(n: PyNode): string {
    return this.scopes.textOf(n);
  }

  /** The weakref API an expression names: `weakref.ref`, `wr.WeakSet`, `r` from `from weakref import ref as r`. */
  weakApi(expr: PyNode): WeakApi | undefined {
    const e = unparen(expr);
    if (e.type === 'MemberExpression') {
      const [obj, prop] = named(e);
      if (obj?.type !== 'VariableName' || prop?.type !== 'PropertyName') return undefined;
      return this.apiNamed(this.scopes.resolve(obj), this.text(prop));
    }
    if (e.type === 'VariableName') return this.apiNamed(this.scopes.resolve(e), undefined);
    return undefined;
  }

  /** The API `module.attr` (attr given) or a bare imported name (attr undefined) names. */
  private apiNamed(r: Resolution, attr: string | undefined): WeakApi | undefined {
    if (!r || r === 'builtin') return undefined;
    if (attr !== undefined)
      // `import weakref` may appear more than once; any other binding of the name hides the module.
      return r.bindings.every((b) => b.kind === 'import-module' && b.module === 'weakref') &&
        Object.hasOwn(API_ALIASES, attr)
        ? API_ALIASES[attr]
        : undefined;
    const first = r.bindings[0];
    if (first.kind !== 'import-from' || first.module !== 'weakref') return undefined;
    if (!r.bindings.every((b) => b.kind === 'import-from' && b.module === 'weakref' && b.imported === first.imported))
      return undefined;
    return Object.hasOwn(API_ALIASES, first.imported!) ? API_ALIASES[first.imported!] : undefined;
  }

  /** The weakref type an annotation (a `TypeDef`) names: `weakref.ref[T]`, `WeakSet[T]`, `'WeakKeyDictionary[K, V]'`. */
  annotatedApi(typeDef: PyNode): WeakApi | undefined {
    let t = named(typeDef)[0];
    if (!t) return undefined;
    if (t.type === 'String') {
      const quoted = /^(['"]{1,3})([\s\S]*)\1$/.exec(this.text(t));
      const m = quoted && STRING_ANNOTATION.exec(quoted[2]);
      if (!m) return undefined;
      const scope = this.scopes.scopeOf(t);
      return m[1]
        ? this.apiNamed(this.scopes.resolveName(m[1], scope), m[2])
        : this.apiNamed(this.scopes.resolveName(m[2], scope), undefined);
    }
    // `X[args]`: the subscript's object names the type.
    if (t.type === 'MemberExpression' && t.children[1]?.type === '[') t = t.children[0];
    return this.weakApi(t);
  }

  /**
   * The weakref type a name or `self.attr` is declared with: every annotation of it names the
   * same API, and no value it is given contradicts that (a literal, a built-in's call, another
   * weakref API's call, or a parameter's literal default such as `= None`).
   */
  declaredApi(expr: PyNode): WeakApi | undefined {
    const e = unparen(expr);
    const annotations: PyNode[] = [];
    const values: PyNode[] = [];
    if (e.type === 'VariableName') {
      const r = this.scopes.resolve(e);
      if (!r || r === 'builtin') return undefined;
      for (const b of r.bindings) {
        if (b.kind !== 'param' && b.kind !== 'assign' && b.kind !== 'walrus') return undefined;
        const siblings = b.node.parent?.children ?? [];
        const at = siblings.indexOf(b.node);
        if (siblings[at + 1]?.type === 'TypeDef') annotations.push(siblings[at + 1]);
        if (b.kind === 'param') {
          const next = siblings[at + 1]?.type === 'TypeDef' ? at + 2 : at + 1;
          if (siblings[next]?.type === 'AssignOp' && siblings[next + 1]) values.push(siblings[next + 1]);
        } else if (b.value) values.push(b.value);
      }
    } else {
      const attr = this.selfAttr(e);
      if (!attr) return undefined;
      const { cls, name } = attr;
      // A class-level value (`x: T = v` in the class body) is left unjudged.
      if (cls.classAttrs.has('*') || cls.classAttrs.has(name) || cls.methods.has(name)) return undefined;
      annotations.push(...(cls.attrAnnotations.get(name) ?? []));
      for (const v of cls.instanceAttrs.get(name) ?? []) {
        if (v.type === 'AssignStatement' || v.type === 'UpdateStatement') return undefined;
        values.push(v);
      }
    }
    if (annotations.length === 0) return undefined;
    const apis = new Set(annotations.map((a) => this.annotatedApi(a)));
    if (apis.size !== 1) return undefined;
    const [api] = apis;
    if (!api) return undefined;
    for (const value of values) {
      const v = unparen(value);
      if (LITERAL_TYPES.has(v.type)) return undefined;
      if (v.type === 'CallExpression') {
        const made = this.calledApi(v);
        if (made !== undefined && made !== api) return undefined;
        const callee = v.children[0];
        // `dict()`, `set()`…: a built-in type's instance is no weak reference nor weak container.
        if (
          made === undefined &&
          callee?.type === 'VariableName' &&
          this.scopes.resolve(callee) === 'builtin' &&
          BUILTIN_TYPES.has(this.text(callee))
        )
          return undefined;
      }
    }
    return api;
  }

  /** The weakref API a call calls. */
  calledApi(call: PyNode): WeakApi | undefined {
    return call.type === 'CallExpression' && call.children[0] ? this.weakApi(call.children[0]) : undefined;
  }

  /** Which weak container an expression holds: a name or `self.attr` only ever assigned one, or a fresh one. */
  containerKind(expr: PyNode): WeakApi | undefined {
    const e = unparen(expr);
    const values = this.assignedValues(e);
    const kinds = new Set(values?.map((v) => this.calledApi(unparen(v))));
    const [found] = kinds.size === 1 ? kinds : [undefined];
    const kind = found ?? this.declaredApi(e);
    return kind === 'WeakSet' || kind === 'WeakKeyDictionary' || kind === 'WeakValueDictionary' ? kind : undefined;
  }

  /** `weakref.ref(…)` / `WeakMethod(…)` itself, or a name or `self.attr` every value of which is made by one API of the two. */
  weakRefKind(expr: PyNode): 'ref' | 'WeakMethod' | undefined {
    const values = this.assignedValues(unparen(expr));
    const apis = new Set(values?.map((v) => this.calledApi(unparen(v))));
    const [found] = apis.size === 1 ? apis : [undefined];
    const api = found ?? this.declaredApi(expr);
    return api === 'ref' || api === 'WeakMethod' ? api : undefined;
  }

  /**
   * Every value a name or `self.attr` is ever given, when all are known (plain assignments):
   * a call expression itself stands for its own value.
   */
  assignedValues(e: PyNode): PyNode[] | undefined {
    if (e.type === 'CallExpression') return [e];
    if (e.type === 'VariableName') {
      const r = this.scopes.resolve(e);
      if (!r || r === 'builtin') return undefined;
      if (!r.bindings.every((b) => b.kind === 'assign' || b.kind === 'walrus')) return undefined;
      return r.bindings.map((b) => b.value!).filter(Boolean);
    }
    if (e.type === 'MemberExpression') {
      const attr = this.selfAttr(e);
      if (!attr) return undefined;
      const { cls, name } = attr;
      if (cls.classAttrs.has(name) || cls.methods.has(name)) return undefined;
      return cls.instanceAttrs.get(name);
    }
    return undefined;
  }

  /** `self.name` inside a method of a same-file class. */
  selfAttr(e: PyNode): { cls: ClassInfo; name: string } | undefined {
    if (e.type !== 'MemberExpression') return undefined;
    const [obj, prop] = named(e);
    if (obj?.type !== 'VariableName' || prop?.type !== 'PropertyName') return undefined;
    const cls = this.selfClass(obj);
    return cls ? { cls, name: this.text(prop) } : undefined;
  }

  /** The class whose method's first parameter this name is. */
  selfClass(name: PyNode): ClassInfo | undefined {
    const b = this.scopes.single(name);
    if (b?.kind !== 'param') return undefined;
    const fn = b.node.parent?.parent;
    if (fn?.type !== 'FunctionDefinition') return undefined;
    const params = fn.children.find((c) => c.type === 'ParamList');
    if (params?.children.find((c) => c.type === 'VariableName') !== b.node) return undefined;
    const holder = fn.parent?.type === 'DecoratedStatement' ? fn.parent : fn;
    if (holder !== fn) {
      const decos = holder.children.filter((c) => c.type === 'Decorator').map((d) => this.text(d).slice(1).trim());
      if (decos.some((d) => !PLAIN_METHOD_DECORATORS.has(d))) return undefined;
    }
    const body = holder.parent;
    const clsNode = body?.type === 'Body' ? body.parent : undefined;
    return clsNode?.type === 'ClassDefinition' ? this.classInfo(clsNode) : undefined;
  }

  classInfo(node: PyNode): ClassInfo {
    let info = this.classes.get(node);
    if (info) return info;
    const name = node.children.find((c) => c.type === 'VariableName');
    const args = node.children.find((c) => c.type === 'ArgList');
    const groups = args
      ? splitBy(
          args.children.filter((c) => c.type !== '(' && c.type !== ')'),
          ',',
        )
      : [];
    const body = node.children.find((c) => c.type === 'Body');
    info = {
      name: name ? this.text(name) : '?',
      node,
      decorated: node.parent?.type === 'DecoratedStatement',
      bases: groups.filter((g) => g.length === 1).map((g) => g[0]),
      hasKeywords: groups.some((g) => g.length !== 1),
      slots: undefined,
      methods: new Map(),
      classAttrs: new Set(),
      instanceAttrs: new Map(),
      attrAnnotations: new Map(),
    };
    this.classes.set(node, info);
    for (const stmt of body ? named(body) : []) this.readClassStatement(info, stmt);
    return info;
  }

  private readClassStatement(info: ClassInfo, stmt: PyNode): void {
    let def = stmt;
    const decorators: string[] = [];
    if (stmt.type === 'DecoratedStatement') {
      for (const d of stmt.children) if (d.type === 'Decorator') decorators.push(this.text(d).slice(1).trim());
      def = stmt.children.find((c) => c.type === 'FunctionDefinition' || c.type === 'ClassDefinition') ?? stmt;
    }
    if (def.type === 'FunctionDefinition') {
      const n = def.children.find((c) => c.type === 'VariableName');
      if (n) info.methods.set(this.text(n), { node: def, decorators });
      const body = def.children.find((c) => c.type === 'Body');
      if (body) this.readInstanceAttrs(info, body, def);
    } else if (def.type === 'AssignStatement') {
      const groups = splitBy(def.children, 'AssignOp');
      const [first, annotation] = def.children;
      if (first?.type === 'VariableName' && annotation?.type === 'TypeDef')
        this.addAnnotation(info, this.text(first), annotation);
      for (const g of groups.slice(0, -1)) {
        for (const t of g) {
          if (t.type !== 'VariableName') continue;
          const n = this.text(t);
          if (n === '__slots__') info.slots = this.readSlots(groups[groups.length - 1]);
          else info.classAttrs.add(n);
        }
      }
    } else if (def.type === 'ClassDefinition') {
      const n = def.children.find((c) => c.type === 'VariableName');
      if (n) info.classAttrs.add(this.text(n));
    } else if (def.type !== 'ExpressionStatement' && def.type !== 'PassStatement') {
      // if/for/with/try at class level may bind anything: treat the class as opaque.
      info.classAttrs.add('*');
      if (info.slots === undefined) info.slots = 'unknown';
    }
  }

  private readSlots(value: PyNode[]): string[] | 'unknown' {
    const v = value.filter((c) => c.type !== ',');
    const items =
      v.length === 1
        ? v[0].type === 'String'
          ? [v[0]]
          : v[0].type === 'TupleExpression' || v[0].type === 'ArrayExpression'
            ? named(v[0])
            : undefined
        : v;
    if (!items || !items.every((i) => i.type === 'String' && /^['"]/.test(this.text(i)))) return 'unknown';
    return items.map((i) =>
      this.text(i)
        .slice(1, -1)
        .replace(/^['"]+|['"]+$/g, ''),
    );
  }

  private readInstanceAttrs(info: ClassInfo, body: PyNode, fn: PyNode): void {
    const params = fn.children.find((c) => c.type === 'ParamList');
    const self = params?.children.find((c) => c.type === 'VariableName');
    if (!self) return;
    const selfName = this.text(self);
    walk(body, (n) => {
      if (n.type === 'FunctionDefinition' || n.type === 'ClassDefinition' || n.type === 'LambdaExpression')
        return false;
      if (n.type === 'AssignStatement' || n.type === 'UpdateStatement') {
        const groups = n.type === 'AssignStatement' ? splitBy(n.children, 'AssignOp') : [n.children, []];
        const value = groups[groups.length - 1].filter((c) => c.type !== ',');
        for (const g of groups.slice(0, -1)) {
          const targets = g.filter((c) => c.type !== ',' && c.type !== 'TypeDef');
          for (const t of targets) {
            if (t.type !== 'MemberExpression') continue;
            const [o, p] = named(t);
            if (o?.type !== 'VariableName' || p?.type !== 'PropertyName' || this.text(o) !== selfName) continue;
            const at = g.indexOf(t);
            if (g[at + 1]?.type === 'TypeDef') this.addAnnotation(info, this.text(p), g[at + 1]);
            const list = info.instanceAttrs.get(this.text(p)) ?? [];
            // Anything but `self.x = <one value>` makes the attribute's values unknown.
            list.push(n.type === 'AssignStatement' && targets.length === 1 && value.length === 1 ? value[0] : n);
            info.instanceAttrs.set(this.text(p), list);
          }
        }
      }
      return undefined;
    });
  }

  private addAnnotation(info: ClassInfo, name: string, typeDef: PyNode): void {
    const list = info.attrAnnotations.get(name) ?? [];
    list.push(typeDef);
    info.attrAnnotations.set(name, list);
  }

  /** A class expression's same-file class (a name bound once, to a class statement). */
  classOf(expr: PyNode): ClassInfo | undefined {
    const e = unparen(expr);
    if (e.type !== 'VariableName') return undefined;
    const b = this.scopes.single(e);
    return b?.kind === 'class' && b.value ? this.classInfo(b.value) : undefined;
  }

  /** Why instances of a class cannot be weakly referenced; false: they can; null: cannot tell. */
  refusal(cls: ClassInfo, seen = new Set<ClassInfo>()): string | false | null {
    const cached = this.refusals.get(cls);
    if (cached !== undefined) return cached;
    if (seen.has(cls)) return null;
    seen.add(cls);
    const result = this.computeRefusal(cls, seen);
    this.refusals.set(cls, result);
    return result;
  }

  private computeRefusal(cls: ClassInfo, seen: Set<ClassInfo>): string | false | null {
    if (cls.decorated || cls.hasKeywords) return null;
    let allBasesRefuse = true;
    for (const base of cls.bases) {
      const b = unparen(base);
      if (b.type === 'VariableName' && this.scopes.resolve(b) === 'builtin') {
        const n = this.text(b);
        if (UNREFERENCEABLE_BASES.has(n)) return `it subclasses ${n}`;
        if (n !== 'object') allBasesRefuse = false; // a weakly referenceable built-in base
        continue;
      }
      const baseCls = this.classOf(b);
      if (!baseCls) return null;
      const r = this.refusal(baseCls, seen);
      if (r === null) return null;
      if (r && r.startsWith('it subclasses')) return r;
      if (!r) allBasesRefuse = false;
    }
    if (cls.slots === 'unknown') return null;
    if (cls.slots === undefined || cls.slots.includes('__weakref__')) return false;
    if (!allBasesRefuse) return false;
    return "its __slots__ lacks '__weakref__'";
  }

  /** The same-file class of the object an expression evaluates to, when known. */
  instanceClass(expr: PyNode): ClassInfo | undefined {
    const e = unparen(expr);
    if (e.type === 'VariableName') {
      const self = this.selfClass(e);
      if (self) return self;
      const b = this.scopes.single(e);
      if (b?.kind === 'assign' && b.value) return this.instanceClass(b.value);
      return undefined;
    }
    if (e.type === 'CallExpression') {
      const cls = this.classOf(e.children[0]);
      return cls && !cls.decorated && !this.lookupMethod(cls, '__new__') ? cls : undefined;
    }
    return undefined;
  }

  /** The same-file class a parameter is annotated with: `session: Session`, `session: 'Session'`. */
  private annotatedParamClass(expr: PyNode): ClassInfo | undefined {
    const e = unparen(expr);
    if (e.type !== 'VariableName') return undefined;
    const b = this.scopes.single(e);
    if (b?.kind !== 'param') return undefined;
    const siblings = b.node.parent?.children ?? [];
    const typeDef = siblings[siblings.indexOf(b.node) + 1];
    const t = typeDef?.type === 'TypeDef' ? named(typeDef)[0] : undefined;
    if (t?.type === 'VariableName') return this.classOf(t);
    const quoted = t?.type === 'String' ? /^(['"])([A-Za-z_]\w*)\1$/.exec(this.text(t)) : null;
    if (!t || !quoted) return undefined;
    const r = this.scopes.resolveName(quoted[2], this.scopes.scopeOf(t));
    const only = r && r !== 'builtin' && r.bindings.length === 1 ? r.bindings[0] : undefined;
    return only?.kind === 'class' && only.value ? this.classInfo(only.value) : undefined;
  }

  /** A method found on the class or its same-file bases; 'unknown' when a base is not known. */
  lookupMethod(
    cls: ClassInfo,
    name: string,
    depth = 0,
  ): { node: PyNode; decorators: string[] } | 'unknown' | undefined {
    const own = cls.methods.get(name);
    if (own) return own;
    if (cls.classAttrs.has(name) || cls.classAttrs.has('*') || depth > BASE_CLASS_LIMIT) return 'unknown';
    for (const base of cls.bases) {
      const b = unparen(base);
      if (b.type === 'VariableName' && this.scopes.resolve(b) === 'builtin') {
        if (this.text(b) === 'object') continue;
        return 'unknown';
      }
      const bc = this.classOf(b);
      if (!bc) return 'unknown';
      const found = this.lookupMethod(bc, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** `obj.name` is a bound method: obj's class is known and `name` is a plain def there. */
  boundMethod(expr: PyNode): { receiver: PyNode; method: string } | 'maybe' | undefined {
    const e = unparen(expr);
    if (e.type !== 'MemberExpression' || !e.children.some((c) => c.type === '.')) return undefined;
    const [obj, prop] = named(e);
    if (!obj || prop?.type !== 'PropertyName') return undefined;
    const name = this.text(prop);
    // A parameter annotated with a same-file class: a subclass may override the method, but
    // hardly with something that is not a method.
    const cls = this.instanceClass(obj) ?? this.annotatedParamClass(obj);
    if (!cls) return 'maybe';
    if (cls.instanceAttrs.has(name)) return undefined;
    const m = this.lookupMethod(cls, name);
    if (!m || m === 'unknown') return undefined;
    return m.decorators.length === 0 ? { receiver: obj, method: name } : undefined;
  }

  /** What an expression evaluates to, as far as weak references care. */
  value(expr: PyNode, depth = 0): Value {
    const e = unparen(expr);
    switch (e.type) {
      case 'Number': {
        const t = this.text(e).toLowerCase();
        if (t.endsWith('j')) return { kind: 'unreferenceable', type: 'complex' };
        if (/^0[xob]/.test(t)) return { kind: 'unreferenceable', type: 'int' };
        return { kind: 'unreferenceable', type: /[.e]/.test(t) ? 'float' : 'int' };
      }
      case 'String':
      case 'ContinuedString': {
        const prefix = /^[a-zA-Z]*/.exec(this.text(e))![0].toLowerCase();
        return { kind: 'unreferenceable', type: prefix.includes('b') ? 'bytes' : 'str' };
      }
      case 'FormatString':
        return { kind: 'unreferenceable', type: 'str' };
      case 'Boolean':
        return { kind: 'unreferenceable', type: 'bool' };
      case 'None':
        return { kind: 'unreferenceable', type: 'NoneType' };
      case 'ArrayExpression':
      case 'ArrayComprehensionExpression':
        return { kind: 'unreferenceable', type: 'list' };
      case 'DictionaryExpression':
      case 'DictionaryComprehensionExpression':
        return { kind: 'unreferenceable', type: 'dict' };
      case 'TupleExpression':
        return { kind: 'unreferenceable', type: 'tuple' };
      case 'LambdaExpression':
        return { kind: 'fresh', what: 'a lambda' };
      case 'SetExpression':
      case 'SetComprehensionExpression':
        return { kind: 'fresh', what: 'a new set' };
      case 'ComprehensionExpression':
        return { kind: 'fresh', what: 'a new generator' };
      case 'ConditionalExpression': {
        const parts = named(e);
        if (parts.length !== 3) return UNKNOWN;
        const a = this.value(parts[0], depth + 1);
        const b = this.value(parts[2], depth + 1);
        if (a.kind === 'unreferenceable' && b.kind === 'unreferenceable')
          return { kind: 'unreferenceable', type: a.type === b.type ? a.type : `${a.type} or ${b.type}` };
        return UNKNOWN;
      }
      case 'Ellipsis':
        return { kind: 'unreferenceable', type: 'ellipsis' };
      case 'UnaryExpression':
        return this.unaryValue(e, depth);
      case 'BinaryExpression':
        return this.binaryValue(e, depth);
      case 'CallExpression':
        return this.callValue(e);
      case 'MemberExpression': {
        const m = this.boundMethod(e);
        return m && m !== 'maybe' ? { kind: 'bound-method', ...m } : UNKNOWN;
      }
      case 'VariableName': {
        if (depth > NAME_CHAIN_LIMIT) return UNKNOWN;
        const b = this.scopes.single(e);
        if (b?.kind !== 'assign' || !b.value) return UNKNOWN;
        const v = this.value(b.value, depth + 1);
        // A name holds its value: only what is wrong with the value itself still applies.
        return v.kind === 'unreferenceable' ? v : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** `not x` is always a bool; `-1`, `~0` keep a number literal's type. */
  private unaryValue(e: PyNode, depth: number): Value {
    const op = e.children[0];
    const operand = named(e)[0];
    if (!op || !operand) return UNKNOWN;
    if (op.type === 'not') return { kind: 'unreferenceable', type: 'bool' };
    const inner = unparen(operand);
    return inner.type === 'Number' || inner.type === 'UnaryExpression' ? this.value(inner, depth + 1) : UNKNOWN;
  }

  /** `is`, `in` and their negations always give a bool; arithmetic on two number literals, a number. */
  private binaryValue(e: PyNode, depth: number): Value {
    const parts = named(e);
    const ops = e.children
      .filter((c) => !parts.includes(c))
      .map((c) => this.text(c))
      .join(' ');
    if (ops === 'is' || ops === 'is not' || ops === 'in' || ops === 'not in')
      return { kind: 'unreferenceable', type: 'bool' };
    if (parts.length !== 2 || !['+', '-', '*', '//', '%'].includes(ops)) return UNKNOWN;
    const [a, b] = parts.map((p) => unparen(p));
    if (a.type !== 'Number' || b.type !== 'Number') return UNKNOWN;
    const ta = this.value(a, depth + 1);
    const tb = this.value(b, depth + 1);
    if (ta.kind !== 'unreferenceable' || tb.kind !== 'unreferenceable') return UNKNOWN;
    const types = [ta.type, tb.type];
    return {
      kind: 'unreferenceable',
      type: types.includes('complex') ? 'complex' : types.includes('float') ? 'float' : 'int',
    };
  }

  private callValue(call: PyNode): Value {
    const callee = unparen(call.children[0]);
    if (callee?.type !== 'VariableName') return UNKNOWN;
    const r = this.scopes.resolve(callee);
    if (r === 'builtin') {
      const n = this.text(callee);
      if (UNREFERENCEABLE_CALLS.has(n)) return { kind: 'unreferenceable', type: n === 'range' ? 'range' : n };
      if (n === 'set' || n === 'frozenset') return { kind: 'fresh', what: `a new ${n}` };
      return UNKNOWN;
    }
    const cls = this.classOf(callee);
    if (!cls) return UNKNOWN;
    // A same-file __new__ may return anything; a built-in base's __new__ makes an instance of cls.
    const customNew = this.lookupMethod(cls, '__new__');
    if (customNew && customNew !== 'unknown') return UNKNOWN;
    const refusal = this.refusal(cls);
    if (refusal === null) return UNKNOWN;
    if (refusal) return { kind: 'unreferenceable', type: cls.name, why: refusal };
    return customNew === undefined && !this.initKeepsSelf(cls) ? { kind: 'fresh', what: `a new ${cls.name}` } : UNKNOWN;
  }

  /** Whether the class's constructor could store `self` somewhere (then a new instance is held). */
  private initKeepsSelf(cls: ClassInfo): boolean {
    for (const name of ['__init__', '__post_init__', '__init_subclass__']) {
      const m = this.lookupMethod(cls, name);
      if (m === 'unknown') return true;
      if (!m || name !== '__init__') continue;
      const params = m.node.children.find((c) => c.type === 'ParamList');
      const self = params?.children.find((c) => c.type === 'VariableName');
      const body = m.node.children.find((c) => c.type === 'Body');
      if (!self || !body) return true;
      const selfName = this.text(self);
      let keeps = false;
      walk(body, (n) => {
        if (keeps) return false;
        if (n.type === 'VariableName' && this.text(n) === selfName) {
          // Only `self.attr` (read or written) leaves self where it is.
          const p = n.parent;
          if (!(p?.type === 'MemberExpression' && p.children[0] === n && p.children[1]?.type === '.')) keeps = true;
        }
        return undefined;
      });
      if (keeps) return true;
    }
    return false;
  }

  /** Same name, same binding: two nodes name one variable. */
  sameVariable(a: PyNode, b: PyNode): boolean {
    if (a.type !== 'VariableName' || b.type !== 'VariableName' || this.text(a) !== this.text(b)) return false;
    const ra = this.scopes.resolve(a);
    const rb = this.scopes.resolve(b);
    // Two unbound uses of one name both mean the module global (or the built-in) of that name.
    if (ra === 'builtin' || rb === 'builtin') return ra === rb;
    return !!ra && !!rb && ra.scope === rb.scope;
  }

  /**
   * How `expr` holds the object named by `target` (a variable): itself, a bound method of it,
   * a container or closure that holds it. `callable`: expr is called later (a callback), so
   * `target.attr` of an unknown class counts as a bound method.
   */
  reaches(expr: PyNode, target: PyNode, callable: boolean, depth = 0): string | undefined {
    const t = unparen(target);
    if (t.type !== 'VariableName' || depth > HOLDING_NESTING_LIMIT) return undefined;
    const e = unparen(expr);
    const tName = this.text(t);
    switch (e.type) {
      case 'VariableName': {
        if (this.sameVariable(e, t)) return `${tName} itself`;
        const b = this.scopes.single(e);
        if (b?.kind === 'def' && b.value && this.closesOver(b.value, t))
          return `${this.text(e)}(), a function that uses ${tName}`;
        // A name bound once, to a display that holds the target (`ctx = {'obj': obj}`), holds it
        // as the display does: the local is only another way to pass the same container.
        if (b?.kind === 'assign' && b.value && DISPLAYS.has(unparen(b.value).type)) {
          const held = this.reaches(b.value, t, false, depth + 1);
          if (held) return `${this.text(e)}, ${held}`;
        }
        return undefined;
      }
      case 'MemberExpression': {
        const [obj] = named(e);
        if (!obj || !this.sameVariable(unparen(obj), t)) return undefined;
        const m = this.boundMethod(e);
        if (m === 'maybe' ? callable : m) return `${this.text(e)}, a bound method of ${tName}`;
        return undefined;
      }
      case 'LambdaExpression':
        return this.closesOver(e, t) ? `a lambda that uses ${tName}` : undefined;
      case 'ArrayExpression':
      case 'TupleExpression':
      case 'SetExpression':
      case 'DictionaryExpression':
        for (const c of named(e))
          if (this.reaches(c, t, false, depth + 1))
            return `a ${e.type === 'DictionaryExpression' ? 'dict' : e.type === 'SetExpression' ? 'set' : e.type === 'TupleExpression' ? 'tuple' : 'list'} holding ${tName}`;
        return undefined;
      case 'CallExpression': {
        const callee = unparen(e.children[0]);
        if (callee && /(^|\.)partial$/.test(this.text(callee))) {
          for (const c of named(e.children[1] ?? e))
            if (this.reaches(c, t, true, depth + 1)) return `a partial holding ${tName}`;
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** A function or lambda that refers to the target variable of an enclosing scope. */
  private closesOver(fn: PyNode, target: PyNode): boolean {
    let found = false;
    walk(fn, (n) => {
      if (found) return false;
      if (n.type === 'VariableName' && n !== target && this.sameVariable(n, target)) found = true;
      return undefined;
    });
    return found;
  }
}

export type { Binding };

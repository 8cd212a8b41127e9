// None checks for unsafe-deref. A subject is a variable (`o = r()`) or a weakref call (`r()`,
// `self._r()`). A use is safe when a condition that rules out None dominates it: the branch of
// an `if`/`while`/conditional expression, the right side of `and`/`or`, an earlier `assert`,
// or an earlier `if o is None: return` (any exit) in the same or an enclosing block.
import type { Model } from './model';
import { named, unparen, type PyNode } from './tree';

export type Subject = { kind: 'var'; node: PyNode } | { kind: 'call'; text: string };

const EXITS = new Set(['ReturnStatement', 'RaiseStatement', 'ContinueStatement', 'BreakStatement']);

export class Guards {
  constructor(private readonly model: Model) {}

  private is(e: PyNode, s: Subject): boolean {
    const x = unparen(e);
    if (x.type === 'NamedExpression') {
      const [target, value] = named(x);
      return (
        (s.kind === 'var' && !!target && this.model.sameVariable(target, s.node)) || (!!value && this.is(value, s))
      );
    }
    if (s.kind === 'var') return x.type === 'VariableName' && this.model.sameVariable(x, s.node);
    return (
      x.type === 'CallExpression' &&
      named(x.children[1] ?? x).length === 0 &&
      x.children[1]?.type === 'ArgList' &&
      this.model.text(x.children[0]) === s.text
    );
  }

  /** A binary expression's operands and its operator words (`is not`, `not in`, `and`). */
  private binary(e: PyNode): { l?: PyNode; r?: PyNode; ops: string } {
    const operands = named(e);
    const ops = e.children
      .filter((x) => !operands.includes(x))
      .map((x) => this.model.text(x))
      .join(' ');
    return { l: operands[0], r: operands[1], ops };
  }

  /** c true ⇒ the subject is not None. */
  truthy(c: PyNode, s: Subject): boolean {
    const e = unparen(c);
    if (this.is(e, s)) return true;
    if (e.type === 'UnaryExpression' && e.children[0]?.type === 'not') return this.falsy(named(e)[0], s);
    if (e.type === 'BinaryExpression') {
      const { l, r, ops } = this.binary(e);
      if (!l || !r) return false;
      if (ops === 'and') return this.truthy(l, s) || this.truthy(r, s);
      if (ops === 'or') return this.truthy(l, s) && this.truthy(r, s);
      if (ops === 'is not' || ops === '!=')
        return (this.is(l, s) && r.type === 'None') || (this.is(r, s) && l.type === 'None');
      if (ops === 'is' || ops === '==' || ops === 'in' || ops === '<' || ops === '>' || ops === '<=' || ops === '>=') {
        // `o is x`, `o == 3`: true means o equals something else than None (unless compared to None).
        return (
          (this.is(l, s) && r.type !== 'None' && r.type !== 'VariableName') ||
          (this.is(r, s) && l.type !== 'None' && l.type !== 'VariableName' && ops !== 'in')
        );
      }
      return false;
    }
    if (e.type === 'CallExpression') {
      const callee = this.model.text(e.children[0]);
      if (callee === 'isinstance' || callee === 'callable' || callee === 'hasattr')
        return !!named(e.children[1] ?? e)[0] && this.is(named(e.children[1])[0], s);
    }
    return false;
  }

  /** c false ⇒ the subject is not None. */
  falsy(c: PyNode, s: Subject): boolean {
    const e = unparen(c);
    if (e.type === 'UnaryExpression' && e.children[0]?.type === 'not') return this.truthy(named(e)[0], s);
    if (e.type === 'BinaryExpression') {
      const { l, r, ops } = this.binary(e);
      if (!l || !r) return false;
      if (ops === 'or') return this.falsy(l, s) || this.falsy(r, s);
      if (ops === 'and') return this.falsy(l, s) && this.falsy(r, s);
      if (ops === 'is' || ops === '==')
        return (this.is(l, s) && r.type === 'None') || (this.is(r, s) && l.type === 'None');
    }
    return false;
  }

  /** Whether a None check dominates `use`. `crossFunctions`: a closure sees a variable checked before it was made. */
  isGuarded(use: PyNode, s: Subject): boolean {
    let child = use;
    for (let p = use.parent; p; child = p, p = p.parent) {
      switch (p.type) {
        case 'IfStatement':
        case 'WhileStatement':
          if (this.inGuardedBranch(p, child, s)) return true;
          break;
        case 'ConditionalExpression': {
          const [a, cond, b] = named(p);
          if (child === a && cond && this.truthy(cond, s)) return true;
          if (child === b && cond && this.falsy(cond, s)) return true;
          break;
        }
        case 'BinaryExpression': {
          const [l, r] = named(p);
          const op = p.children.find((x) => x.type === 'and' || x.type === 'or')?.type;
          if (child === r && l && op === 'and' && this.truthy(l, s)) return true;
          if (child === r && l && op === 'or' && this.falsy(l, s)) return true;
          break;
        }
        case 'Body':
        case 'Script':
          if (this.earlierStatementGuards(p, child, s)) return true;
          break;
        case 'FunctionDefinition':
        case 'LambdaExpression':
        case 'ClassDefinition':
          // A later call of r() is not checked by an outer check of r(); a variable is.
          if (s.kind === 'call') return false;
          break;
      }
    }
    return false;
  }

  private inGuardedBranch(stmt: PyNode, child: PyNode, s: Subject): boolean {
    if (child.type !== 'Body') return false;
    // Pairs of (condition, body) for if/elif, then an else body.
    const conds: PyNode[] = [];
    let pending: PyNode | undefined;
    for (const c of stmt.children) {
      if (c.type === 'Body') {
        if (c === child) {
          if (pending) return this.truthy(pending, s) || conds.some((x) => this.falsy(x, s));
          return conds.some((x) => this.falsy(x, s)) && stmt.type === 'IfStatement';
        }
        if (pending) conds.push(pending);
        pending = undefined;
      } else if (
        c.type !== 'if' &&
        c.type !== 'elif' &&
        c.type !== 'else' &&
        c.type !== 'while' &&
        c.type !== 'Comment' &&
        c.type !== ':'
      ) {
        pending = c;
      }
    }
    return false;
  }

  private earlierStatementGuards(block: PyNode, child: PyNode, s: Subject): boolean {
    for (const stmt of block.children) {
      if (stmt === child) return false;
      if (stmt.type === 'AssertStatement') {
        const cond = named(stmt)[0];
        if (cond && this.truthy(cond, s)) return true;
      } else if (stmt.type === 'IfStatement') {
        // `if o is None: return` with no elif/else: after it, o is not None.
        const bodies = stmt.children.filter((c) => c.type === 'Body');
        const cond = named(stmt)[0];
        if (bodies.length === 1 && cond && this.falsy(cond, s) && this.exits(bodies[0])) return true;
      }
    }
    return false;
  }

  private exits(body: PyNode): boolean {
    const stmts = named(body);
    const last = stmts[stmts.length - 1];
    if (!last) return false;
    if (EXITS.has(last.type)) return true;
    // sys.exit(), os._exit(), exit(): calls that never return.
    return last.type === 'ExpressionStatement' && /^(sys\.exit|os\._exit|exit|quit)\s*\(/.test(this.model.text(last));
  }
}

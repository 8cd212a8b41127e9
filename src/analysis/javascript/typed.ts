// Typed mode (docs/rules/invalid-weak-target.md): with a type checker at hand, an expression whose type is certainly
// primitive cannot be held weakly, wherever the value comes from. Anything that might be an
// object or a symbol (any, unknown, type parameters, object, symbol, unions with them) is
// never called primitive: a false alarm costs more than a miss.
import type * as TS from 'typescript';
import { RUNTIME_VALUE, skipWrappers } from './wrappers';

const PRIMITIVE_FLAGS = (ts: typeof TS) =>
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void;

function isCertainlyPrimitiveType(ts: typeof TS, type: TS.Type): boolean {
  if (type.isUnion()) return type.types.length > 0 && type.types.every((t) => isCertainlyPrimitiveType(ts, t));
  // String-like covers string, string literals, template literal types and string enums. An
  // intersection (a branded `string & { __brand: 'id' }`) has none of these flags: left alone.
  return (type.flags & PRIMITIVE_FLAGS(ts)) !== 0;
}

export interface PrimitiveByType {
  /** For messages: "a value of type string". */
  description: string;
  /** The type includes undefined (an unregister token of that type may be absent, which is allowed). */
  includesUndefined: boolean;
}

/** What the checker says about `e`, if its type is certainly primitive; undefined otherwise (or if asking fails). */
export function primitiveByType(ts: typeof TS, checker: TS.TypeChecker, e: TS.Expression): PrimitiveByType | undefined {
  // The expression's own type counts, not a cast's.
  const own = skipWrappers(e, RUNTIME_VALUE);
  let type: TS.Type;
  try {
    type = checker.getTypeAtLocation(own);
  } catch {
    return undefined;
  }
  if (!isCertainlyPrimitiveType(ts, type)) return undefined;
  const parts = type.isUnion() ? type.types : [type];
  return {
    description: `a value of type ${checker.typeToString(type)}`,
    includesUndefined: parts.some((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0),
  };
}

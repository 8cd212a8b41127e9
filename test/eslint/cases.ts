// The shared rule tables (src/analysis/rules/<id>/cases.ts) in ESLint RuleTester's shape, for one parser.
import * as espree from 'espree';
import type { InvalidCase, RuleCases, ValidCase } from '../../src/analysis/rules/caseTable';

export { TABLES } from '../rules/tables';

/**
 * How espree can read the code: as a module, or as CommonJS (which allows a top-level `return`,
 * as the engine does); undefined if it cannot (TypeScript syntax).
 */
export function espreeSourceType(code: string): 'module' | 'commonjs' | undefined {
  for (const sourceType of ['module', 'commonjs'] as const) {
    try {
      espree.parse(code, { ecmaVersion: 'latest', sourceType });
      return sourceType;
    } catch {
      /* try the next */
    }
  }
  return undefined;
}

export type Parser = 'espree' | 'typescript-eslint';

function base(c: ValidCase, parser: Parser) {
  const { code, filename = 'test.ts', name, ts } = typeof c === 'string' ? { code: c } : c;
  if (parser === 'espree' && ts) return undefined;
  const languageOptions = parser === 'espree' ? { sourceType: espreeSourceType(code) } : {};
  return { code, filename, ...(name ? { name } : {}), languageOptions };
}

export function eslintCases(table: RuleCases, parser: Parser) {
  const valid = table.valid.map((c) => base(c, parser)).filter((c) => c !== undefined);
  const invalid = table.invalid
    .map((c: InvalidCase) => {
      const b = base(c, parser);
      if (!b) return undefined;
      return {
        ...b,
        // A message id and its data, as the tables give them (each message's text is checked once, by id).
        errors: c.errors.map((e) => ({
          messageId: e.messageId,
          data: e.data,
          line: e.line,
          column: e.column,
          endLine: e.endLine ?? e.line,
          endColumn: e.endColumn,
          ...(e.suggestions ? { suggestions: e.suggestions.map((s) => ({ desc: s.desc, output: s.output })) } : {}),
        })),
        output: c.output ?? null,
      };
    })
    .filter((c) => c !== undefined);
  return { valid, invalid };
}

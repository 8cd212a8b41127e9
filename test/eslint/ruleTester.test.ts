// ESLint's own RuleTester runs the engine's rule tables (src/analysis/rules/<id>/cases.ts) against the
// plugin, under espree and under @typescript-eslint/parser. TypeScript-only cases run only
// under the latter; the `ts` marks are themselves checked against espree.
import * as assert from 'node:assert/strict';
import { RuleTester } from 'eslint';
import { createPlugin } from '../../src/eslint/plugin';
import { eslintCases, espreeSourceType, TABLES } from './cases';

// Its types need a newer moduleResolution than this project's; the parser object is all RuleTester needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsParser = require('@typescript-eslint/parser') as object;
const plugin = createPlugin();

describe('the rule tables are marked honestly', () => {
  for (const [rule, table] of Object.entries(TABLES)) {
    it(`${rule}: a case is marked TypeScript-only exactly when espree cannot parse it`, () => {
      const wrong = [...table.valid, ...table.invalid]
        .map((c) => (typeof c === 'string' ? { code: c, ts: undefined } : c))
        .filter((c) => !!c.ts !== (espreeSourceType(c.code) === undefined))
        .map((c) => c.code);
      assert.deepEqual(wrong, []);
    });
  }
});

const PARSERS = {
  espree: new RuleTester({ languageOptions: { ecmaVersion: 'latest' } }),
  'typescript-eslint': new RuleTester({ languageOptions: { parser: tsParser } }),
} as const;

for (const [parser, tester] of Object.entries(PARSERS)) {
  describe(`ESLint RuleTester, ${parser}`, () => {
    for (const [rule, table] of Object.entries(TABLES)) {
      const cases = eslintCases(table, parser as keyof typeof PARSERS);
      describe(`weakref/${rule}: ${cases.valid.length} valid, ${cases.invalid.length} invalid`, () => {
        tester.run(rule, plugin.rules[rule] as never, cases);
      });
    }
  });
}

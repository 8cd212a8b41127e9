// Every rule's case tables (src/analysis/rules/<id>/cases.ts), found from the one list of rules: the
// engine's rule tests, ESLint's RuleTester and the differential test all read them from here.
import type { PyCases, RuleCaseTables, RuleCases } from '../../src/analysis/rules/caseTable';
import { RULES } from '../../src/analysis/ruleMeta';

function tablesOf(id: string): RuleCaseTables {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(`../../src/analysis/rules/${id}/cases`) as { cases: RuleCaseTables }).cases;
}

const ALL = RULES.map((r) => [r.id, tablesOf(r.id)] as const);

/** The JavaScript tables by rule id. */
export const TABLES: Record<string, RuleCases> = Object.fromEntries(
  ALL.flatMap(([id, t]) => (t.javascript ? [[id, t.javascript]] : [])),
);

/** The Python tables by rule id. */
export const PYTHON_TABLES: Record<string, PyCases> = Object.fromEntries(
  ALL.flatMap(([id, t]) => (t.python ? [[id, t.python]] : [])),
);

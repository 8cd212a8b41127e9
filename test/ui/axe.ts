// axe-core, run inside a lesson page's webview frame. axe is a devDependency: it is injected
// through the test's browser connection (DevTools evaluation, which the page's CSP does not
// govern) and never shipped in the VSIX.
import * as fs from 'node:fs';
import type { Frame } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

let source: string | undefined;

export async function runAxe(frame: Frame): Promise<AxeViolation[]> {
  source ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await frame.evaluate("typeof axe === 'object'"))) await frame.evaluate(source);
  // A string, not a function: this project compiles without the DOM library.
  return frame.evaluate<AxeViolation[]>(`(async () => {
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  })()`);
}

/** The violations a learner who uses a screen reader or a keyboard cannot work around. */
export function blocking(violations: AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// The engine's time grows with the file, not faster: a file of many top-level bindings and uses
// made each binding's references walk the whole file, and each use scan every earlier statement
// (0.25 MB took 33 s, 0.5 MB 104 s; now about 1.6 s and 2.3 s).
import * as assert from 'node:assert/strict';
import { analyze } from '../../src/analysis/javascript/analyze';

const unit = (i: number) =>
  `const r${i} = new WeakRef(o);\nr${i}.deref().name;\nconst ws${i} = new WeakSet();\nws${i}.add("k");\n`;

function cpuMsFor(bytes: number): { ms: number; findings: number } {
  let code = '';
  for (let i = 0; code.length < bytes; i++) code += unit(i);
  const start = process.cpuUsage();
  const findings = analyze(code, 'big.js').length;
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, findings };
}

describe('engine cost grows with the file', function () {
  this.timeout(120_000);
  it('four times the top-level statements cost well under sixteen times the time (no quadratic walk)', () => {
    cpuMsFor(20_000); // warm up: load TypeScript, compile the rules
    const small = cpuMsFor(50_000);
    const large = cpuMsFor(200_000);
    assert.ok(large.findings >= 3.5 * small.findings, `${small.findings} then ${large.findings} findings`);
    const ratio = large.ms / Math.max(small.ms, 50);
    assert.ok(ratio < 8, `50 KB: ${small.ms.toFixed(0)} ms, 200 KB: ${large.ms.toFixed(0)} ms (x${ratio.toFixed(1)})`);
  });
});

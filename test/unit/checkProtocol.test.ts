// The checker's reading of a harness report: only the harness's own order of messages is
// accepted, malformed or out-of-turn messages mark the report as tampered with (no result kept),
// and the whole report is capped, so a forged report can neither pass a check, nor crash the
// view that renders it, nor fill the editor's memory.
import * as assert from 'node:assert/strict';
import { CheckProtocol, MAX_REPORT_CHARS, ProtocolReader, type Message } from '../../src/exercises/checkProtocol';
import type { RunEnd } from '../../src/process/run';
import { renderCheckResults } from '../../src/features/lessonView/results';
import { allPassed } from '../../src/exercises/types';

const stopped: RunEnd = { reason: 'stopped', code: null, signal: 'SIGKILL', output: '', cutChars: 0 };
const LIST = {
  t: 'checks',
  checks: [
    { id: 'a', requirement: 'A holds.' },
    { id: 'b', requirement: 'B holds.' },
  ],
};

function reportOf(messages: Message[]) {
  const protocol = new CheckProtocol();
  for (const m of messages) protocol.onMessage(m);
  return protocol.report(stopped, 30_000, 'node');
}

describe('check report protocol', () => {
  it('accepts the harness order: checks, start and result per check, done', () => {
    const report = reportOf([
      LIST,
      { t: 'start', i: 0 },
      { t: 'result', i: 0, passed: true },
      { t: 'start', i: 1 },
      { t: 'result', i: 1, passed: false, message: 'no' },
      { t: 'done' },
    ]);
    assert.equal(report.error, undefined);
    assert.deepEqual(
      report.results.map((r) => [r.id, r.passed, r.message]),
      [
        ['a', true, undefined],
        ['b', false, 'no'],
      ],
    );
  });

  it('renders a forged list of malformed checks as a tampered report instead of throwing', () => {
    const report = reportOf([{ t: 'checks', checks: [null, { id: 5 }, { requirement: {} }] }, { t: 'done' }]);
    assert.doesNotThrow(() => renderCheckResults(report));
    assert.equal(allPassed(report), false);
    assert.match(report.error ?? '', /tampered with \(the list of checks is malformed\)/);
    assert.deepEqual(report.results, []);
  });

  const forgeries: [string, Message[]][] = [
    [
      'a second result that turns a failure into a pass',
      [
        LIST,
        { t: 'start', i: 0 },
        { t: 'result', i: 0, passed: false, message: 'no' },
        { t: 'result', i: 0, passed: true },
      ],
    ],
    [
      'a result for a check that has not started',
      [LIST, { t: 'start', i: 0 }, { t: 'result', i: 0, passed: true }, { t: 'result', i: 1, passed: true }],
    ],
    ['done before every check ran', [LIST, { t: 'start', i: 0 }, { t: 'result', i: 0, passed: true }, { t: 'done' }]],
    ['a second list of checks', [LIST, { t: 'start', i: 0 }, LIST]],
    ['a result whose passed is not a boolean', [LIST, { t: 'start', i: 0 }, { t: 'result', i: 0, passed: 'yes' }]],
    ['an unknown message', [LIST, { t: 'pass-everything' }]],
  ];
  for (const [what, messages] of forgeries)
    it(`marks the report as tampered with on ${what}`, () => {
      const report = reportOf(messages);
      assert.match(report.error ?? '', /tampered with/);
      assert.deepEqual(report.results, []);
      assert.equal(allPassed(report), false);
    });

  it('ignores whatever comes after the last word', () => {
    const protocol = new CheckProtocol();
    for (const m of [
      LIST,
      { t: 'start', i: 0 },
      { t: 'result', i: 0, passed: false, message: 'no' },
      { t: 'start', i: 1 },
      { t: 'result', i: 1, passed: true },
      { t: 'done' },
    ])
      protocol.onMessage(m);
    assert.equal(protocol.onMessage({ t: 'result', i: 0, passed: true }), true, 'the run is to be ended');
    const report = protocol.report(stopped, 30_000, 'node');
    assert.equal(report.error, undefined);
    assert.deepEqual(
      report.results.map((r) => r.passed),
      [false, true],
    );
  });

  it('caps the whole report: past the cap nothing more is parsed and the overflow is reported once', () => {
    let messages = 0;
    let overflows = 0;
    const reader = new ProtocolReader(
      'M',
      () => messages++,
      () => overflows++,
    );
    const line = 'M ' + JSON.stringify({ t: 'result', i: 0, passed: false, message: 'x'.repeat(60_000) }) + '\n';
    for (let sent = 0; sent < MAX_REPORT_CHARS * 3; sent += line.length) reader.push(line);
    assert.equal(overflows, 1);
    assert.ok(messages <= Math.ceil(MAX_REPORT_CHARS / line.length), `${messages} messages parsed`);
  });

  it('drops lines longer than a harness line, and lines without the marker', () => {
    const seen: Message[] = [];
    const reader = new ProtocolReader('M', (m) => seen.push(m));
    reader.push('M ' + JSON.stringify({ t: 'fatal', error: 'y'.repeat(300_000) }) + '\n');
    reader.push(JSON.stringify({ t: 'done' }) + '\nX ' + JSON.stringify({ t: 'done' }) + '\nM {"t":"done"}\n');
    assert.deepEqual(
      seen.map((m) => m.t),
      ['done'],
    );
  });
});

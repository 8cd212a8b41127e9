// The CLI's three output formats over the same findings, and the same notices about files
// that were not linted (so a CI run always shows what it did not check).
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Severity } from '../analysis/types';
import { FINGERPRINT_KEY, fingerprints } from './fingerprint';
import { NOTICE_KINDS, noticeVerb, type CliNotice } from './notices';

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
  /** The text of the line the finding starts on, for SARIF's fingerprint; never printed. */
  lineText?: string;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  helpUri: string;
}

/**
 * A name or message as one line of the text formats: control characters (a newline, an ANSI
 * escape) in a file's name would forge lines or colours, so each is written as an escape
 * (\n, \u001b); SARIF percent-encodes them in its URIs.
 */
export const printable = (s: string) =>
  s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
    c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const noticeText = (n: CliNotice) => `${noticeVerb(n.kind)}: ${printable(n.message)}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(findings: CliFinding[]): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${plural(findings.length, 'problem')} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`;
}

/** What every text format ends with: a summary, or why there is none, then each file not linted. */
function trailer(findings: CliFinding[], notices: CliNotice[], problemsLine: string): string[] {
  const lines = [
    findings.length > 0
      ? problemsLine
      : notices.length === 0
        ? 'No problems found.'
        : 'No problems found in the files that were linted.',
  ];
  if (notices.length > 0) {
    lines.push(`${notices.length} file${notices.length === 1 ? ' was' : 's were'} not linted:`);
    for (const n of notices)
      lines.push(`  ${printable(n.file)}: ${n.severity}: ${noticeText(n)} [weakref-lint/${n.kind}]`);
  }
  return lines;
}

/** The unix format (`--format unix`, formerly `text`): one `file:line:col: severity: message [rule]` line per finding. */
export function formatText(findings: CliFinding[], notices: CliNotice[] = []): string {
  const lines = findings.map(
    (f) => `${printable(f.file)}:${f.line}:${f.column}: ${f.severity}: ${printable(f.message)} [weakref/${f.rule}]`,
  );
  return [...lines, ...trailer(findings, notices, summary(findings))].join('\n') + '\n';
}

/**
 * The default format, grouped by file as ESLint's stylish is: the file, then one aligned
 * `line:col  severity  message  rule` row per finding, a blank line, and the summary.
 */
export function formatStylish(findings: CliFinding[], notices: CliNotice[] = []): string {
  const byFile = new Map<string, CliFinding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const lines: string[] = [];
  for (const [file, rows] of byFile) {
    const cells = rows.map((f) => [
      `${f.line}:${f.column}`,
      f.severity,
      printable(f.message.replace(/\s*\n\s*/g, ' ')),
      `weakref/${f.rule}`,
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(...cells.map((c) => c[i].length)));
    lines.push('', printable(file));
    for (const c of cells)
      lines.push(`  ${c[0].padEnd(widths[0])}  ${c[1].padEnd(widths[1])}  ${c[2].padEnd(widths[2])}  ${c[3]}`);
  }
  if (findings.length > 0) lines.push('');
  return [...lines, ...trailer(findings, notices, `\u2716 ${summary(findings)}`)].join('\n') + '\n';
}

/** An array of findings; a file that was not linted is one more entry, on line 1, whose rule is the notice's kind. */
export function formatJson(findings: CliFinding[], notices: CliNotice[] = []): string {
  const entries: CliFinding[] = [
    ...findings,
    ...notices.map((n) => ({
      file: n.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      rule: n.kind,
      severity: n.severity,
      message: noticeText(n),
    })),
  ];
  return (
    JSON.stringify(entries, ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message'], 2) + '\n'
  );
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/**
 * A relative, forward-slash, percent-encoded URI, as GitHub code scanning wants under %SRCROOT%;
 * a file outside the root gets an absolute file: URI from url.pathToFileURL (which knows
 * Windows drives and UNC paths). `file` is relative to `cwd`.
 */
export function sarifUri(file: string, root: string, cwd = root): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(root, abs);
  const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  return inside
    ? rel
        .split(path.sep)
        .map((p) => encodeURIComponent(p))
        .join('/')
    : pathToFileURL(abs).href;
}

/** A folder's file: URI with the trailing slash SARIF needs for a base. */
const folderUri = (dir: string) => pathToFileURL(dir).href.replace(/\/?$/, '/');

const artifactLocation = (file: string, root: string, cwd: string) => {
  const uri = sarifUri(file, root, cwd);
  return uri.startsWith('file://') ? { uri } : { uri, uriBaseId: '%SRCROOT%' };
};

/** Notices become the invocation's toolExecutionNotifications; any at error level marks the run as not successful. */
export function formatSarif(
  findings: CliFinding[],
  rules: RuleInfo[],
  version: string,
  root = process.cwd(),
  notices: CliNotice[] = [],
  cwd = root,
): string {
  const known = rules.map((r) => r.id);
  const extra = [...new Set(findings.map((f) => f.rule).filter((id) => !known.includes(id)))];
  const allRules = [
    ...rules.map((r) => ({
      id: r.id,
      name: r.id,
      shortDescription: { text: r.description },
      helpUri: r.helpUri,
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
    })),
    ...extra.map((id) => ({
      id,
      name: id,
      shortDescription: { text: id },
      defaultConfiguration: { level: 'warning' as const },
    })),
  ];
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  const prints = fingerprints(
    findings.map((f) => ({ rule: f.rule, uri: sarifUri(f.file, root, cwd), lineText: f.lineText })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'weakref-lint',
            version,
            semanticVersion: version,
            informationUri: 'https://github.com/weakref-lessons/weakref-lessons',
            rules: allRules,
            notifications: NOTICE_KINDS.map((k) => ({
              id: k.id,
              name: k.id,
              shortDescription: { text: k.description },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: !notices.some((n) => n.severity === 'error'),
            toolExecutionNotifications: notices.map((n) => ({
              level: SARIF_LEVEL[n.severity],
              message: { text: `${n.file}: ${noticeText(n)}` },
              descriptor: { id: n.kind, index: NOTICE_KINDS.findIndex((k) => k.id === n.kind) },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.file, root, cwd) } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(root) } },
        results: findings.map((f, i) => {
          return {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifactLocation(f.file, root, cwd),
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
            partialFingerprints: { [FINGERPRINT_KEY]: prints[i] },
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

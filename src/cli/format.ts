// The CLI's three output formats over the same findings.
import * as path from 'path';
import type { Severity } from '../analysis/types';

export interface CliFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  helpUri: string;
}

export function formatText(findings: CliFinding[]): string {
  const lines = findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [weakref/${f.rule}]`);
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const total = findings.length;
  lines.push(total === 0 ? 'No problems found.' : `${total} problem${total === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info)`);
  return lines.join('\n') + '\n';
}

export function formatJson(findings: CliFinding[]): string {
  return JSON.stringify(findings, ['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message'], 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative, forward-slash, percent-encoded URI, as GitHub code scanning wants under %SRCROOT%. */
export function sarifUri(file: string, root: string): string {
  const abs = path.resolve(root, file);
  const rel = path.relative(root, abs);
  const inside = rel && !rel.startsWith('..') && !path.isAbsolute(rel);
  const parts = (inside ? rel : abs).split(path.sep);
  const encoded = parts.map((p) => encodeURIComponent(p)).join('/');
  return inside ? encoded : `file://${encoded.startsWith('/') ? '' : '/'}${encoded}`;
}

export function formatSarif(findings: CliFinding[], rules: RuleInfo[], version: string, root = process.cwd()): string {
  const known = rules.map((r) => r.id);
  const extra = [...new Set(findings.map((f) => f.rule).filter((id) => !known.includes(id)))];
  const allRules = [
    ...rules.map((r) => ({ id: r.id, name: r.id, shortDescription: { text: r.description }, helpUri: r.helpUri, defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] } })),
    ...extra.map((id) => ({ id, name: id, shortDescription: { text: id }, defaultConfiguration: { level: 'warning' as const } })),
  ];
  const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'weakref-lint', version, semanticVersion: version, informationUri: 'https://github.com/weakref-lessons/weakref-lessons', rules: allRules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${root.split(path.sep).map(encodeURIComponent).join('/').replace(/^(?!\/)/, '/')}/` } },
        results: findings.map((f) => {
          const uri = sarifUri(f.file, root);
          return {
            ruleId: f.rule,
            ruleIndex: ruleIndex.get(f.rule),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: uri.startsWith('file://') ? { uri } : { uri, uriBaseId: '%SRCROOT%' },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          };
        }),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

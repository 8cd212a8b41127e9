// package.json's weakrefLessons.lint.rules setting says what the rule definitions say: one entry per
// rule, the severities a setting may name, each rule's default severity and description.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, SEVERITY_SETTINGS } from '../../src/analysis/ruleMeta';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface SeverityProperty {
  type: string;
  enum: string[];
  default?: string;
  description?: string;
}

describe('package.json severity settings', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  // Shown text is a %key% into package.nls.json, so that a translation is a file.
  const nls = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const shown = (text: string | undefined) => (text && /^%.+%$/.test(text) ? nls[text.slice(1, -1)] : text);
  const setting = manifest.contributes.configuration.properties['weakrefLessons.lint.rules'] as {
    default: Record<string, string>;
    properties: Record<string, SeverityProperty>;
    additionalProperties: SeverityProperty;
  };

  it('lists exactly the defined rules, in their order', () => {
    assert.deepEqual(
      Object.keys(setting.properties),
      RULES.map((r) => r.id),
    );
  });

  for (const rule of RULES) {
    it(`${rule.id}: the severities a setting may name, its default severity and its description`, () => {
      const p = setting.properties[rule.id];
      assert.equal(p.type, 'string');
      assert.deepEqual(p.enum, SEVERITY_SETTINGS);
      assert.equal(p.default, rule.defaultSeverity);
      assert.equal(shown(p.description), rule.description);
    });
  }

  it('starts the Settings table with every rule at its default severity, not empty', () => {
    assert.deepEqual(setting.default, Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])));
  });

  it('takes a weakref/-prefixed id with the same severities', () => {
    assert.deepEqual(setting.additionalProperties.enum, SEVERITY_SETTINGS);
  });
});

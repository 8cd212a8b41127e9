// The first-run walkthrough: the manifest's steps agree with what the extension signals, each
// step has its picture, and the walkthrough opens on a first install only.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { localizedManifest } from '../support/manifest';
import {
  isExampleCopy,
  isLearnersOwnFile,
  shouldOpenWalkthrough,
  STEP_CONTEXT_KEYS,
  walkthroughCommandId,
  WALKTHROUGH_ID,
} from '../../src/walkthrough/steps';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { svg?: string; image?: string; markdown?: string; altText?: string };
  completionEvents?: string[];
}
const pkg = localizedManifest<{
  publisher: string;
  name: string;
  activationEvents: string[];
  contributes: {
    walkthroughs: { id: string; steps: Step[] }[];
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
  };
}>();

describe('the first-run walkthrough', () => {
  const walkthrough = pkg.contributes.walkthroughs.find((w) => w.id === WALKTHROUGH_ID);

  it('is contributed with 4 to 6 steps, each with a picture and alt text', () => {
    assert.ok(walkthrough, `no walkthrough "${WALKTHROUGH_ID}" in package.json`);
    assert.ok(walkthrough.steps.length >= 4 && walkthrough.steps.length <= 6, `${walkthrough.steps.length} steps`);
    for (const step of walkthrough.steps) {
      const media = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(media, `step ${step.id} has no media`);
      assert.ok(fs.existsSync(path.join(ROOT, media)), `${media} (step ${step.id}) does not exist`);
      if (!step.media.markdown) assert.ok(step.media.altText?.trim(), `step ${step.id} has no altText`);
      if (step.media.svg)
        assert.match(fs.readFileSync(path.join(ROOT, step.media.svg), 'utf8'), /<title[^>]*>[^<]+<\/title>/);
    }
    assert.deepEqual(
      walkthrough.steps.map((s) => s.id),
      ['openLessons', 'runExample', 'editExample', 'seeWarning', 'checkExercise'],
    );
  });

  it('draws its pictures with presentation attributes, as the walkthrough drops <style> blocks and style attributes', () => {
    // The walkthrough inlines an SVG into a page whose CSP admits only its own nonce'd style:
    // a class styled by the SVG's <style> block falls back to black fill.
    for (const step of walkthrough!.steps) {
      if (!step.media.svg) continue;
      const svg = fs.readFileSync(path.join(ROOT, step.media.svg), 'utf8');
      assert.doesNotMatch(svg, /<style|\sstyle=|\sclass=/, `${step.media.svg} depends on CSS the walkthrough drops`);
      const shapes = svg.match(/<(rect|circle|path|text|line|polyline|polygon)\b[^>]*>/g) ?? [];
      for (const shape of shapes)
        assert.match(shape, /\s(fill|stroke)="/, `${step.media.svg}: ${shape} has no colour of its own`);
    }
  });

  it('uses only the markup a walkthrough description renders: bold, code and links, no single-asterisk italics', () => {
    for (const step of walkthrough!.steps) {
      const text = step.description.replace(/\*\*[^*]+\*\*/g, '');
      assert.doesNotMatch(
        text,
        /(^|[^*])\*[^*\s][^*]*\*/,
        `step ${step.id} shows literal asterisks: ${step.description}`,
      );
    }
  });

  it('completes each step on a real event: a contributed command or view, or a context key the extension sets', () => {
    const commands = new Set(pkg.contributes.commands.map((c) => c.command));
    const views = new Set(
      Object.values(pkg.contributes.views)
        .flat()
        .map((v) => v.id),
    );
    const keys = new Set(Object.values(STEP_CONTEXT_KEYS));
    for (const step of walkthrough!.steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `step ${step.id} would complete on a click alone`);
      for (const event of events) {
        const [kind, target] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
        if (kind === 'onCommand') assert.ok(commands.has(target), `${step.id}: ${target} is not a contributed command`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${target} is not a contributed view`);
        else if (kind === 'onContext')
          assert.ok(keys.has(target), `${step.id}: nothing sets the context key ${target}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
    }
    // Every key the extension sets belongs to the step of the same id.
    for (const [id, key] of Object.entries(STEP_CONTEXT_KEYS)) {
      const step = walkthrough!.steps.find((s) => s.id === id);
      assert.ok(step?.completionEvents?.includes(`onContext:${key}`), `step ${id} does not wait for ${key}`);
    }
    // Command links in the descriptions name commands that exist (ours) or VS Code's own.
    for (const step of walkthrough!.steps) {
      for (const m of step.description.matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(commands.has(m[1]) || /^workbench\./.test(m[1]), `${step.id} links to unknown command ${m[1]}`);
      }
    }
  });

  it('is opened by its full id, and only on a first install', () => {
    assert.equal(walkthroughCommandId(pkg.publisher, pkg.name), 'weakref-lessons.weakref-lessons#firstSteps');
    assert.ok(
      pkg.activationEvents.includes('onStartupFinished'),
      'without a startup activation it would wait for a JavaScript file',
    );
    assert.equal(shouldOpenWalkthrough({ shownBefore: undefined, hasProgress: false }), true);
    assert.equal(shouldOpenWalkthrough({ shownBefore: true, hasProgress: false }), false);
    assert.equal(
      shouldOpenWalkthrough({ shownBefore: undefined, hasProgress: true }),
      false,
      'an update from a version without the flag',
    );
    assert.equal(
      shouldOpenWalkthrough({ shownBefore: 'yes', hasProgress: false }),
      true,
      'only the flag we write counts',
    );
  });

  it("tells the learner's own files and example copies from the lessons' files", () => {
    const roots = [path.join('/ext', 'lessons'), path.join('/store', 'examples')];
    assert.equal(isLearnersOwnFile({ scheme: 'untitled', fsPath: 'Untitled-1' }, roots), true);
    assert.equal(isLearnersOwnFile({ scheme: 'file', fsPath: path.join('/home', 'me', 'app.js') }, roots), true);
    assert.equal(
      isLearnersOwnFile({ scheme: 'file', fsPath: path.join('/ext', 'lessons', '01', 'a.js') }, roots),
      false,
    );
    assert.equal(
      isLearnersOwnFile({ scheme: 'file', fsPath: path.join('/ext', 'lessons-extra', 'a.js') }, roots),
      true,
    );
    assert.equal(isLearnersOwnFile({ scheme: 'git', fsPath: '/home/me/app.js' }, roots), false);
    assert.equal(
      isExampleCopy(
        { scheme: 'file', fsPath: path.join('/store', 'examples', 'intro', 'a.js') },
        path.join('/store', 'examples'),
      ),
      true,
    );
    assert.equal(
      isExampleCopy(
        { scheme: 'file', fsPath: path.join('/store', 'examples', 'intro', 'a.out') },
        path.join('/store', 'examples'),
      ),
      false,
    );
    assert.equal(
      isExampleCopy({ scheme: 'file', fsPath: path.join('/home', 'a.js') }, path.join('/store', 'examples')),
      false,
    );
  });
});

// Drives the workbench like a person: the VSIX a user would build is installed into a real
// VS Code (code-server), shown in Chromium, and clicked through. Each step leaves a
// screenshot in test-results/ui/ to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { loadCatalog } from '../../src/lessons/catalog';
import type { Lesson } from '../../src/lessons/types';
import { REPO_ROOT, launchBrowser, packageVsix, startCodeServer, type CodeServer } from '../support/realVsCode';
import { blocking, runAxe, type AxeViolation } from './axe';
import { createTestWorkspace } from '../support/workspace';
import { localizedManifest } from '../support/manifest';

const SHOTS = path.join(REPO_ROOT, 'test-results', 'ui');

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the workbench, driven like a person', function () {
  this.timeout(300_000);
  let server: CodeServer;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  let workspace: string;
  let step = 0;
  let axeMemoryView: AxeViolation[] = [];
  const lessons: Lesson[] = loadCatalog(path.join(REPO_ROOT, 'lessons')).lessons;

  /** The activity-bar entry; its item, not its link, is clicked: the badge of lessons left covers the link. */
  const weakReferencesEntry = () =>
    page.locator('.part.activitybar .action-item').filter({ has: page.locator('a[aria-label^="Weak References"]') });

  async function shot(name: string): Promise<void> {
    step += 1;
    await page.screenshot({ path: path.join(SHOTS, `${String(step).padStart(2, '0')}-${name}.png`) });
  }

  /** Share of the picture taken by its most common colour, how many colours cover 5 % or more, and the share of pure black. */
  async function colourSpread(png: Buffer): Promise<{ top: number; broad: number; black: number }> {
    // Decoded by a blank page's canvas: no PNG decoder is needed here, and no CSP is in the way.
    const blank = await browser.context.newPage();
    try {
      return await blank.evaluate<{ top: number; broad: number; black: number }>(`(async () => {
        const img = new Image();
        img.src = 'data:image/png;base64,${png.toString('base64')}';
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const data = g.getImageData(0, 0, img.width, img.height).data;
        const counts = new Map();
        for (let i = 0; i < data.length; i += 4) {
          const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
          counts.set(key, (counts.get(key) || 0) + 1);
        }
        const total = data.length / 4;
        const shares = [...counts.values()].map((n) => n / total).sort((a, b) => b - a);
        const black = (counts.get(0) || 0) / total;
        return { top: shares[0], broad: shares.filter((x) => x >= 0.05).length, black };
      })()`);
    } finally {
      await blank.close();
    }
  }

  /** The first frame in which the locator finds something. */
  async function frameWith(what: string, selector: string): Promise<Frame> {
    return until(what, async () => {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator(selector)
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return undefined;
    });
  }

  before(async () => {
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    const vsix = packageVsix();
    workspace = createTestWorkspace();
    server = await startCodeServer({ workspace, vsix });
    browser = await launchBrowser();
    page = browser.page;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.part.activitybar').waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (workspace) fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('opens the first-run walkthrough on the first start, with its steps', async () => {
    const walkthrough = page.locator('.gettingStartedContainer, .gettingStartedSlideDetails').first();
    await walkthrough.waitFor({ timeout: 60_000 });
    const manifest = localizedManifest<{
      contributes: { walkthroughs: { title: string; steps: { title: string }[] }[] };
    }>();
    const steps = manifest.contributes.walkthroughs[0].steps.map((st) => st.title);
    const text = await until('the walkthrough to show its steps', async () => {
      const t = await page.locator('.gettingStartedContainer').innerText();
      return steps.every((title) => t.includes(title)) ? t : undefined;
    });
    assert.match(text, /Learn weak references in VS Code/);
    // The step's picture, as the walkthrough's own webview draws it (its CSP drops <style> blocks).
    // The open step's picture, as the walkthrough draws it: the pixels on screen where its media goes
    // (the webview that renders the SVG lies over that place).
    // A narrow walkthrough leaves its pictures out: a wide window shows them.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: 2400, height: viewport.height });
    const media = page.locator('.gettingStartedSlideDetails .getting-started-media').first();
    await media.waitFor({ state: 'visible', timeout: 30_000 });
    let spread = { top: 1, broad: 0, black: 1 };
    await until(
      'the walkthrough picture to be drawn in more than one colour',
      async () => {
        const box = await media.boundingBox();
        if (!box || box.width < 50 || box.height < 50) return false;
        spread = await colourSpread(await page.screenshot({ clip: box }));
        // Shapes whose style the walkthrough's CSP dropped are filled pure black.
        return spread.top < 0.9 && spread.broad >= 2 && spread.black < 0.05;
      },
      30_000,
    ).catch(() => assert.fail(`the walkthrough picture is black or nearly one colour: ${JSON.stringify(spread)}`));
    await shot('walkthrough');
    await page.setViewportSize(viewport);
  });

  it('shows "Weak References" in the activity bar, and its Lessons tree lists the lessons', async () => {
    await shot('workbench');
    const entry = weakReferencesEntry();
    await entry.waitFor({ timeout: 30_000 });
    await entry.click();
    const sidebar = page.locator('.part.sidebar');
    await until(
      'the Lessons tree to list the first lesson',
      async () => (await sidebar.locator('.monaco-list-row', { hasText: lessons[0].title }).count()) > 0,
    );
    const rows = await sidebar.locator('.monaco-list-row').allInnerTexts();
    for (const lesson of lessons.slice(0, 2))
      assert.ok(
        rows.some((r) => r.includes(lesson.title)),
        `no row for "${lesson.title}" in ${JSON.stringify(rows)}`,
      );
    await shot('lessons-tree');
  });

  let lessonFrame: Frame;

  it('opens a lesson in an editor tab with its text and Run buttons', async () => {
    const lesson = lessons[0];
    await page.locator('.part.sidebar .monaco-list-row', { hasText: lesson.title }).first().click();
    await page.locator('.tabs-container .tab', { hasText: lesson.title }).waitFor({ timeout: 30_000 });
    lessonFrame = await until('the lesson page inside the webview', async () => {
      for (const frame of page.frames()) {
        if (
          (await frame
            .locator('main.lesson h1')
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return undefined;
    });
    assert.equal((await lessonFrame.locator('main.lesson h1').innerText()).trim(), lesson.title);
    assert.ok((await lessonFrame.locator('button[data-action="run"]').count()) >= 1);
    assert.equal(
      await lessonFrame.locator('button[data-action="stop"]').first().isDisabled(),
      true,
      'Stop with nothing running',
    );
    await shot('lesson-view');
  });

  it('runs the example from the lesson and shows its output in the "Weak References" terminal', async () => {
    const lesson = lessons[0];
    const example = lesson.examples.find((e) => !e.expectFailure)!;
    await lessonFrame.locator(`button[data-action="run"][data-example="${example.id}"]`).click();
    const lastLine = example.expectedOutput.split('\n').filter(Boolean).pop()!;
    const text = await until(`the terminal to print "${lastLine}"`, async () => {
      const t = await page.locator('.terminal-wrapper.active .xterm-rows').innerText();
      return t.includes(lastLine) ? t : undefined;
    });
    for (const line of example.expectedOutput.split('\n').filter(Boolean))
      assert.ok(text.includes(line.trim()), `the terminal lacks "${line}":\n${text}`);
    const tabs = await page.locator('.part.panel').innerText();
    assert.match(tabs, /Weak References/);
    await shot('terminal-output');
  });

  it('marks an example whose copy the learner edited, and restores the original on request', async () => {
    const lesson = lessons[0];
    const example = lesson.examples.find((e) => e.language === 'javascript' && !e.expectFailure)!;
    const note = lessonFrame.locator(`[data-edited-for="${example.id}"]`);
    assert.equal(await note.isVisible(), false, 'no edited copy yet');
    await lessonFrame.locator(`button[data-action="open"][data-example="${example.id}"]`).click();
    const name = path.basename(example.file);
    await page.locator('.tabs-container .tab', { hasText: name }).waitFor({ timeout: 30_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('// my change\n');
    await page.keyboard.press('Control+S');
    await until(
      'the copy to be saved',
      async () => (await page.locator('.tabs-container .tab.dirty', { hasText: name }).count()) === 0,
    );
    await shot('example-copy-edited');
    await page.locator('.tabs-container .tab', { hasText: lesson.title }).click();
    await until('the page to say Run runs the edited copy', () => note.isVisible());
    assert.match(await note.innerText(), /Run runs your edited copy/);
    await note.scrollIntoViewIfNeeded();
    await shot('lesson-edited-copy');
    await note.locator('button[data-action="restore"]').click();
    const confirm = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Restore Original' });
    await confirm.waitFor({ timeout: 15_000 });
    await confirm.click();
    await until('the mark to go once the original is back', async () => !(await note.isVisible()));
  });

  it('switches the lesson to Python and runs a Python example with python3', async () => {
    const lesson = lessons[0];
    const js = lesson.examples.find((e) => e.language === 'javascript')!;
    const py = lesson.examples.find((e) => e.language === 'python' && !e.expectFailure)!;
    await lessonFrame.locator('button[data-action="setLanguage"][data-language="python"]').click();
    try {
      await until(
        'the Python examples to show and the JavaScript ones to hide',
        async () =>
          (await lessonFrame.locator(`#example-${py.id}`).isVisible()) &&
          !(await lessonFrame.locator(`#example-${js.id}`).isVisible()),
      );
      assert.equal(
        await lessonFrame
          .locator('button[data-action="setLanguage"][data-language="python"]')
          .getAttribute('aria-pressed'),
        'true',
      );
      await lessonFrame.locator(`button[data-action="run"][data-example="${py.id}"]`).click();
      const lastLine = py.expectedOutput.split('\n').filter(Boolean).pop()!;
      const text = await until(`the terminal to print "${lastLine}"`, async () => {
        const t = await page.locator('.terminal-wrapper.active .xterm-rows').innerText();
        return t.includes(lastLine) ? t : undefined;
      });
      for (const line of py.expectedOutput.split('\n').filter(Boolean))
        assert.ok(text.includes(line.trim()), `the terminal lacks "${line}":\n${text}`);
      await shot('python-example-output');
    } finally {
      // Back to JavaScript (the choice is remembered), so the steps below see what a new learner sees.
      await lessonFrame.locator('button[data-action="setLanguage"][data-language="javascript"]').click();
    }
    await until('the JavaScript examples to show again', async () =>
      lessonFrame.locator(`#example-${js.id}`).isVisible(),
    );
  });

  it('moves to the next lesson from the bottom of a lesson', async () => {
    await lessonFrame.locator('button[data-action="goto"].primary').click();
    await page.locator('.tabs-container .tab', { hasText: lessons[1].title }).waitFor({ timeout: 30_000 });
  });

  it('underlines misuse in a workspace file and lists it in the Problems panel', async () => {
    // Through the Explorer, as a person would (keyboard focus may be inside the lesson's webview).
    await page.locator('.part.activitybar .action-item a[aria-label^="Explorer"]').click();
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'violations.js' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'violations.js' }).waitFor({ timeout: 15_000 });
    await until(
      'squiggles in the editor',
      async () => (await page.locator('.squiggly-error, .squiggly-warning').count()) >= 2,
    );
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    const texts = await until('the Problems panel to list the findings', async () => {
      const all = await rows.allInnerTexts();
      return all.some((t) => /weakref/.test(t)) && all.length >= 3 ? all : undefined;
    });
    const joined = texts.join('\n');
    assert.match(joined, /invalid-weak-target/);
    assert.match(joined, /unsafe-deref/);
    await shot('problems-panel');
  });

  it("opens a finding's rule link as the rendered, read-only rule page, whose lesson link opens the lesson", async () => {
    const link = page.locator('.markers-panel .monaco-list-row', { hasText: 'unsafe-deref' }).locator('a', {
      hasText: 'unsafe-deref',
    });
    await link.first().click();
    const rulePage = await frameWith('the rendered rule page', 'main.rule-page h1');
    assert.equal((await rulePage.locator('main.rule-page h1').innerText()).trim(), 'weakref/unsafe-deref');
    assert.equal(await rulePage.locator('textarea, [contenteditable="true"]').count(), 0);
    const violations = await runAxe(rulePage);
    assert.deepEqual(
      blocking(violations).map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`),
      [],
    );
    await shot('rule-page');
    const lesson = lessons.find((l) => l.id === 'pitfall-dead-refs')!;
    await rulePage.locator('a[data-open-lesson="pitfall-dead-refs"]').first().click();
    await page.locator('.tabs-container .tab', { hasText: lesson.title }).waitFor({ timeout: 30_000 });
  });

  async function openLessonFrame(title: string): Promise<Frame> {
    if ((await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).count()) === 0) {
      await weakReferencesEntry().click();
    }
    await page.locator('.part.sidebar .monaco-list-row', { hasText: title }).first().click();
    await page.locator('.tabs-container .tab', { hasText: title }).first().waitFor({ timeout: 30_000 });
    return until(`the page of "${title}"`, async () => {
      for (const frame of page.frames()) {
        const h1 = frame.locator('main.lesson h1');
        if ((await h1.count().catch(() => 0)) > 0 && (await h1.innerText()).trim() === title) return frame;
      }
      return undefined;
    });
  }

  it('draws the memory chart from the numbers the example measured', async () => {
    const lesson = lessons.find((l) => l.id === 'measuring-memory')!;
    const frame = await openLessonFrame(lesson.title);
    await frame.locator('button[data-action="chart"]').click();
    const svg = frame.locator('[data-chart-for] svg.line-chart');
    await svg.waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('[data-chart-for] polyline').count(), 2);
    const table = (await frame.locator('[data-chart-for] table').textContent()) ?? '';
    assert.match(table, /weak-value cache/);
    await frame.locator('[data-chart-for] svg.line-chart').scrollIntoViewIfNeeded();
    await shot('memory-chart');
  });

  it('runs the observer example with the memory view: the chain that holds Ada, axe-clean, a line opens', async () => {
    const lesson = lessons.find((l) => l.id === 'observer')!;
    const frame = await openLessonFrame(lesson.title);
    await frame.locator('button[data-action="memory"][data-example="weak-observers"]').click();
    const view = await until(
      'the memory view panel with its report',
      async () => {
        for (const f of page.frames()) {
          const h1 = f.locator('main h1');
          if ((await h1.count().catch(() => 0)) > 0 && /^Memory view: weak-observers\.js/.test(await h1.innerText()))
            return f;
        }
        return undefined;
      },
      90_000,
    );
    const chain = view.locator('ol.chain').first();
    await chain.waitFor({ timeout: 30_000 });
    assert.match(await chain.innerText(), /a local variable of main\(\)/);
    assert.match(await view.locator('table.counts').innerText(), /WeakRef target\s+1\s+1/);
    await chain.scrollIntoViewIfNeeded();
    await shot('memory-view-chain');
    const violations = await runAxe(view);
    axeMemoryView = violations;
    assert.deepEqual(
      blocking(violations).map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`),
      [],
    );
    await view.locator('button[data-action="open"]').first().click();
    await page.locator('.tabs-container .tab', { hasText: 'weak-observers.js' }).waitFor({ timeout: 30_000 });
  });

  it('checks the registry exercise from the lesson view and lists each requirement', async () => {
    const lesson = lessons.find((l) => l.id === 'exercise-registry')!;
    const frame = await openLessonFrame(lesson.title);
    await frame.locator('button[data-action="openExercise"][data-language="javascript"]').click();
    await page.locator('.tabs-container .tab', { hasText: 'exercise-registry.js' }).waitFor({ timeout: 30_000 });
    await frame.locator('button[data-action="checkSolution"][data-language="javascript"]').click();
    const items = frame.locator('#check-results-javascript li.check');
    await until('the check results', async () => (await items.count()) >= 3, 60_000);
    const text = await frame.locator('#check-results-javascript').innerText();
    assert.match(text, /of \d+ requirements met/);
    assert.ok(
      (await frame.locator('#check-results-javascript li.check.failed').count()) >= 1,
      'the starter should fail a requirement',
    );
    await frame.locator('#check-results-javascript').scrollIntoViewIfNeeded();
    await shot('exercise-checked');
  });

  it("reveals a hint, counts it beside the result, and compares the learner's file with the reference solution", async () => {
    const lesson = lessons.find((l) => l.id === 'exercise-registry')!;
    const frame = await openLessonFrame(lesson.title);
    const hints = lesson.exercise!.hints;
    await frame.locator('button[data-action="hint"][data-language="javascript"]').click();
    await frame.locator('#hints-javascript li.hint').first().waitFor({ timeout: 15_000 });
    assert.equal(await frame.locator('#hints-javascript li.hint').count(), 1);
    const shown = await frame.locator('#hints-javascript').innerText();
    assert.match(shown, new RegExp(`Hint 1 of ${hints.length}`));
    // The revealed hint takes the focus, so a keyboard user lands on it.
    assert.equal(await frame.evaluate("document.activeElement?.classList.contains('hint') ?? false"), true);
    await frame.locator('#hints-javascript').scrollIntoViewIfNeeded();
    await shot('hint-revealed');

    await frame.locator('button[data-action="checkSolution"][data-language="javascript"]').click();
    const summary = frame.locator('#check-results-javascript .summary');
    await until(
      'the check result with the hints used',
      async () => /Hints used: 1 of/.test((await summary.innerText().catch(() => '')) ?? ''),
      60_000,
    );
    assert.match(
      await summary.innerText(),
      new RegExp(`of \\d+ requirements met\\. Hints used: 1 of ${hints.length}\\.`),
    );
    await frame.locator('button[data-action="compareSolution"][data-language="javascript"]').click();
    const diff = page.locator('.monaco-diff-editor');
    await diff.first().waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'reference solution' }).waitFor({ timeout: 15_000 });
    await until('both sides of the diff', async () => {
      // The editor draws spaces as no-break spaces.
      const t = (await diff.first().innerText()).replace(/\u00a0/g, ' ');
      return /FinalizationRegistry/.test(t) && /#objects = new Map/.test(t);
    });
    await shot('solution-diff');
  });

  it('checks the Python version of the registry exercise from the lesson page when Python is chosen', async () => {
    const lesson = lessons.find((l) => l.id === 'exercise-registry')!;
    const frame = await openLessonFrame(lesson.title);
    await frame.locator('button[data-action="setLanguage"][data-language="python"]').click();
    try {
      const check = frame.locator('button[data-action="checkSolution"][data-language="python"]');
      await until('the Python exercise buttons to show', async () => check.isVisible());
      assert.equal(
        await frame.locator('button[data-action="checkSolution"][data-language="javascript"]').isVisible(),
        false,
      );
      await frame.locator('button[data-action="openExercise"][data-language="python"]').click();
      await page.locator('.tabs-container .tab', { hasText: 'exercise-registry.py' }).waitFor({ timeout: 30_000 });
      await check.click();
      const items = frame.locator('#check-results-python li.check');
      await until('the Python check results', async () => (await items.count()) >= 3, 60_000);
      const text = await frame.locator('#check-results-python').innerText();
      // checks.py's requirements (Python's names), each failed one with its reason.
      assert.match(text, /find_by_tag/);
      assert.ok((await frame.locator('#check-results-python li.check.failed').count()) >= 1, text);
      assert.equal(
        await frame.locator('#check-results-python li.check.failed').count(),
        await frame.locator('#check-results-python li.check.failed .check-message').count(),
      );
      await frame.locator('#check-results-python').scrollIntoViewIfNeeded();
      await shot('python-exercise-checked');
    } finally {
      await frame.locator('button[data-action="setLanguage"][data-language="javascript"]').click();
    }
  });

  it('has marked the walkthrough steps the learner has done by now', async () => {
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Welcome: Open Walkthrough');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Learn weak references');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Learn weak references' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    const container = page.locator('.gettingStartedContainer');
    await container.waitFor({ timeout: 30_000 });
    // VS Code marks a done step with aria-checked="true" (and a filled check icon).
    const done = await until('completed steps', async () => {
      const ids = await container
        .locator('button.getting-started-step[aria-checked="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step-id') ?? ''));
      return ids.length >= 4 ? ids : undefined;
    });
    for (const id of ['openLessons', 'runExample', 'seeWarning', 'checkExercise']) {
      assert.ok(
        done.some((d) => d.endsWith(id)),
        `step "${id}" is not marked done: ${JSON.stringify(done)}`,
      );
    }
    await shot('walkthrough-progress');
  });

  const axeResults: Record<string, Record<string, AxeViolation[]>> = {};
  after(() =>
    fs.writeFileSync(
      path.join(SHOTS, 'axe-results.json'),
      JSON.stringify({ ...axeResults, 'memory view': axeMemoryView }, null, 2),
    ),
  );

  it('every lesson page passes axe-core with no serious or critical violation, and works from the keyboard', async function () {
    this.timeout(600_000);
    const failures: string[] = [];
    for (const lesson of lessons) {
      const frame = await openLessonFrame(lesson.title);
      const violations = await runAxe(frame);
      (axeResults[lesson.id] ??= {})['default theme'] = violations;
      for (const v of blocking(violations))
        failures.push(`${lesson.id}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
      // Keyboard: Tab reaches a button, and the focused button shows an outline.
      await frame.locator('main.lesson h1').click();
      await frame.locator('body').press('Tab');
      const focus = await until('a focused element', () =>
        frame.evaluate<{ tag: string; outline: string; width: string } | undefined>(`(() => {
          const el = document.activeElement;
          if (!el || el === document.body) return undefined;
          const style = getComputedStyle(el);
          return { tag: el.tagName, outline: style.outlineStyle, width: style.outlineWidth };
        })()`),
      );
      if (focus.outline === 'none' || focus.width === '0px')
        failures.push(`${lesson.id}: the focused ${focus.tag} shows no outline`);
    }
    assert.deepEqual(failures, []);
  });

  for (const [theme, cls, name] of [
    ['Light Modern', 'vs', 'light'],
    ['Dark Modern', 'vs-dark', 'dark'],
    ['Dark High Contrast', 'hc-black', 'high-contrast'],
  ] as const) {
    it(`draws the chart readably in the ${name} theme (axe-core, screenshot)`, async () => {
      // As a person would: Preferences: Color Theme, type the name, Enter.
      await page.keyboard.press('Control+Shift+P');
      await page.keyboard.type('Preferences: Color Theme');
      // Click the command itself: which row comes first (e.g. "Browse Color Themes in
      // Marketplace", or a recently used one) depends on the profile's history.
      const command = page
        .locator('.quick-input-widget .monaco-list-row', {
          has: page.locator('.label-name', { hasText: /^\s*Preferences: Color Theme\s*$/ }),
        })
        .first();
      await command.waitFor({ timeout: 15_000 });
      await command.click();
      await page.keyboard.type(theme);
      await page
        .locator('.quick-input-widget .monaco-list-row', { hasText: theme })
        .first()
        .waitFor({ timeout: 15_000 });
      await page.keyboard.press('Enter');
      await page.locator(`.monaco-workbench.${cls}`).waitFor({ timeout: 30_000 });
      const lesson = lessons.find((l) => l.id === 'measuring-memory')!;
      const frame = await openLessonFrame(lesson.title);
      // The webview takes the new theme's colours a moment after the workbench: wait for its body class.
      const bodyClass = { vs: 'vscode-light', 'vs-dark': 'vscode-dark', 'hc-black': 'vscode-high-contrast' }[cls];
      await until(`the page to take the ${name} theme`, () =>
        frame.evaluate<boolean>(`document.body.classList.contains('${bodyClass}')`),
      );
      await page.waitForTimeout(1000);
      if ((await frame.locator('[data-chart-for] svg.line-chart').count()) === 0) {
        await frame.locator('button[data-action="chart"]').click();
        await frame.locator('[data-chart-for] svg.line-chart').waitFor({ timeout: 60_000 });
      }
      const desc = await frame.locator('[data-chart-for] svg desc').textContent();
      assert.match(desc ?? '', /weak-value cache: .*; strong Map cache: grew to [\d.]+ MB over 10 rounds/);
      await frame.locator('[data-chart-for] details summary').click();
      const violations = await runAxe(frame);
      (axeResults[lesson.id] ??= {})[`${name} theme, chart drawn`] = violations;
      assert.deepEqual(
        blocking(violations).map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`),
        [],
      );
      // A secondary button (Stop, Open, Measure and chart) stands out from the page: its border
      // or its background has at least 3:1 contrast with the page's background (WCAG 1.4.11).
      const edge = await frame.evaluate<number>(`(() => {
        const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        const over = (fg, bg) => fg.length > 3 ? fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3])) : fg;
        const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
        const page = rgb(getComputedStyle(document.body).backgroundColor);
        const style = getComputedStyle(document.querySelector('button.secondary[data-action="open"]'));
        return Math.max(
          ratio(over(rgb(style.borderTopColor), page), page),
          ratio(over(rgb(style.backgroundColor), page), page),
        );
      })()`);
      assert.ok(edge >= 3, `secondary buttons blend into the ${name} page: contrast ${edge.toFixed(2)}:1`);
      await frame.locator('[data-chart-for] figure').scrollIntoViewIfNeeded();
      await shot(`chart-${name}`);
    });
  }
});

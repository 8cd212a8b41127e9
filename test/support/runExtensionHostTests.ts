// Runs test/vscode (mocha inside the extension host) in a real VS Code.
// Here: code-server with the smoke-test driver, opened in Chromium with a payload that names
// the extension and the tests. Where VS Code can be downloaded, WEAKREF_TEST_ELECTRON=1 runs
// the same suite through @vscode/test-electron instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, launchBrowser, startCodeServer } from './realVsCode';
import { createTestWorkspace } from './workspace';

const TESTS_INDEX = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
const RESTRICTED_INDEX = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'restrictedIndex.js');
const OVERALL_TIMEOUT_MS = 6 * 60_000;

interface Counts {
  passed: number;
  failed: number;
  pending: number;
}

function report(counts: Counts | undefined, exitCode: number): never {
  const file = process.env.WEAKREF_COUNTS_FILE;
  const c = counts ?? { passed: 0, failed: 1, pending: 0 };
  if (!counts) console.error('The extension-host tests reported no counts; counted as 1 failure.');
  if (file) fs.writeFileSync(file, JSON.stringify(c));
  console.log(`extension host: ${c.passed} passed, ${c.failed} failed`);
  process.exit(exitCode !== 0 || c.failed > 0 || !counts ? 1 : 0);
}

/** Passes WEAKREF_TEST_GREP on to the host, to run only the tests whose titles match (for a person debugging one test). */
function grepEnv(): Record<string, string> {
  const grep = process.env.WEAKREF_TEST_GREP;
  return grep ? { WEAKREF_TEST_GREP: grep } : {};
}

/** One code-server session running one suite; resolves with its counts (undefined if none came back). */
async function codeServerSession(
  testsIndex: string,
  workspaceTrust: boolean,
): Promise<{ counts?: Counts; exitCode: number }> {
  const workspace = createTestWorkspace();
  const countsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-host-counts-')), 'counts.json');
  const server = await startCodeServer({
    workspace,
    smokeTestDriver: true,
    workspaceTrust,
    env: { WEAKREF_COUNTS_FILE: countsFile, WEAKREF_TEST_WORKSPACE: workspace, ...grepEnv() },
  });
  const browser = await launchBrowser();
  let counts: Counts | undefined;
  let exitCode = 1;
  try {
    const exited = new Promise<number>((resolve) => {
      void browser.page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const text = (Array.isArray(args) ? args : [args])
        .map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))
        .join(' ');
      const m = /weakref-counts: (\{.*\})/.exec(text);
      if (m) counts = JSON.parse(m[1]) as Counts;
      // The workbench logs a lot about itself; show what the tests print.
      if (type !== 'debug' && text.trim() && !/^\[[\w.-]+\]|^DialogService:/.test(text)) console.log(text);
    });
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p.split(path.sep).join('/')}`;
    const payload = [
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(testsIndex)],
      ['skipWelcome', 'true'],
    ];
    await browser.page.goto(
      `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), OVERALL_TIMEOUT_MS));
    exitCode = await Promise.race([exited, timeout]);
    if (exitCode === -1)
      console.error(`The extension-host tests did not finish within ${OVERALL_TIMEOUT_MS / 60_000} minutes.`);
    if (fs.existsSync(countsFile)) counts = JSON.parse(fs.readFileSync(countsFile, 'utf8')) as Counts;
  } catch (e) {
    console.error(e);
    console.error(server.log());
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
    fs.rmSync(path.dirname(countsFile), { recursive: true, force: true });
  }
  return { counts, exitCode };
}

async function viaCodeServer(): Promise<void> {
  const total: Counts = { passed: 0, failed: 0, pending: 0 };
  let worst = 0;
  for (const [name, index, trust] of [
    ['extension host', TESTS_INDEX, false],
    ['extension host, Restricted Mode', RESTRICTED_INDEX, true],
  ] as const) {
    console.log(`\n--- ${name}`);
    const { counts, exitCode } = await codeServerSession(index, trust);
    const c = counts ?? { passed: 0, failed: 1, pending: 0 };
    if (!counts) console.error(`${name}: no counts came back; counted as 1 failure.`);
    total.passed += c.passed;
    total.failed += c.failed;
    total.pending += c.pending;
    if (exitCode !== 0) worst = 1;
  }
  report(total, worst);
}

async function viaTestElectron(): Promise<void> {
  const { runTests } = await import('@vscode/test-electron');
  const workspace = createTestWorkspace();
  const countsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-host-counts-')), 'counts.json');
  let code = 0;
  try {
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_INDEX,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { WEAKREF_COUNTS_FILE: countsFile, WEAKREF_TEST_WORKSPACE: workspace, ...grepEnv() },
    });
  } catch (e) {
    console.error(e);
    code = 1;
  }
  const counts = fs.existsSync(countsFile) ? (JSON.parse(fs.readFileSync(countsFile, 'utf8')) as Counts) : undefined;
  fs.rmSync(workspace, { recursive: true, force: true });
  report(counts, code);
}

(process.env.WEAKREF_TEST_ELECTRON ? viaTestElectron() : viaCodeServer()).catch((e: unknown) => {
  console.error(e);
  report(undefined, 1);
});

// A real VS Code for the tests on machines that cannot download one: code-server (VS Code as
// a server, installed from npm by scripts/setup-real-vscode.sh) shown in Debian's Chromium,
// driven by playwright-core. See the recipe in the README ("Tests in a real VS Code").
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = process.env.WEAKREF_LESSONS_CACHE ?? path.join(os.homedir(), '.cache', 'weakref-lessons');
export const NODE24_BIN = path.join(CACHE_DIR, 'node24', 'node_modules', 'node', 'bin');
export const CODE_SERVER = path.join(CACHE_DIR, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function checkTools(): string | undefined {
  for (const [what, p] of [
    ['code-server', CODE_SERVER],
    ['Node 24', path.join(NODE24_BIN, 'node')],
    ['Chromium', CHROMIUM],
  ]) {
    if (!fs.existsSync(p)) return `${what} is missing at ${p}: run scripts/setup-real-vscode.sh`;
  }
  return undefined;
}

export interface CodeServerOptions {
  /** The folder the workbench opens. */
  workspace: string;
  /** Passed as `--vscode-option enable-smoke-test-driver` so a payload can run extension tests. */
  smokeTestDriver?: boolean;
  /** Keep Workspace Trust on (Restricted Mode tests); off by default. */
  workspaceTrust?: boolean;
  /** A VSIX to install first. */
  vsix?: string;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface CodeServer {
  url: string;
  port: number;
  runDir: string;
  /** Everything code-server printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  const problem = checkTools();
  if (problem) throw new Error(problem);
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-vscode-'));
  const dirs = {
    ud: path.join(runDir, 'ud'),
    ext: path.join(runDir, 'ext'),
    home: path.join(runDir, 'home'),
    tmp: path.join(runDir, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.ud, 'User', 'settings.json'),
    JSON.stringify({
      // The GPU renderer draws the terminal on a canvas, whose text the page cannot read.
      'terminal.integrated.gpuAcceleration': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': !!opts.workspaceTrust,
      ...opts.settings,
    }),
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: dirs.home,
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: path.join(dirs.home, '.config'),
    XDG_DATA_HOME: path.join(dirs.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(dirs.home, '.cache'),
    ...opts.env,
  };
  delete env.ELECTRON_RUN_AS_NODE;
  const common = ['--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];
  if (opts.vsix) {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', opts.vsix], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (r.status !== 0) throw new Error(`code-server could not install ${opts.vsix}:\n${r.stdout}\n${r.stderr}`);
  }
  const port = await freePort();
  const args = [
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(opts.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    opts.workspace,
  ];
  let output = '';
  // detached: its own process group, so stop() reaches the helpers it starts too.
  const child: ChildProcess = spawn(CODE_SERVER, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`code-server did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    runDir,
    log: () => output,
    async stop() {
      killGroup(child);
      await new Promise((r) => setTimeout(r, 300));
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function launchBrowser(): Promise<{ context: BrowserContext; page: Page; close(): Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'weakref-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Packages the VSIX the way a user builds it (README's first command, minus npm ci). */
export function packageVsix(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const vsix = path.join(REPO_ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix],
    { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

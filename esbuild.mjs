// Bundles the extension and its command-line tools. The linter engine (with the
// TypeScript compiler) is its own bundle, run in a worker thread that starts only when a
// file actually needs parsing.
import * as esbuild from 'esbuild';

import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const pluginPkg = JSON.parse(
  readFileSync(new URL('./packages/eslint-plugin-weakref/package.json', import.meta.url), 'utf8'),
);
const PLUGIN_DIST = 'packages/eslint-plugin-weakref/dist';
const production = process.argv.includes('--production');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

// The oldest Node the package supports (engines.node, ">=20") is what the bundles target.
const nodeMajor = /(\d+)/.exec(pkg.engines.node)?.[1];
if (!nodeMajor) throw new Error(`esbuild.mjs: cannot read a Node version from engines.node "${pkg.engines.node}"`);

// memlab (@memlab/core, which reads heap snapshots for the memory view) requires puppeteer at
// load time only for its list of devices. Nothing here starts a browser: the bundles get an
// empty stand-in, so puppeteer is never bundled, installed with a browser, or loaded.
const noPuppeteer = {
  name: 'no-puppeteer',
  setup(build) {
    build.onResolve({ filter: /^puppeteer(-core)?$/ }, (args) => ({ path: args.path, namespace: 'no-puppeteer' }));
    build.onLoad({ filter: /.*/, namespace: 'no-puppeteer' }, () => ({
      contents: 'module.exports = { KnownDevices: {} };',
      loader: 'js',
    }));
  },
};

const common = {
  plugins: [noPuppeteer],
  bundle: true,
  platform: 'node',
  target: `node${nodeMajor}`,
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // The front ends load each rule's check by its folder's name: this lets esbuild find the files.
  define: { CHECK_EXTENSION: '".ts"' },
};

const builds = {
  extension: { entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  lintWorker: { entryPoints: ['src/linting/worker.ts'], outfile: 'dist/lintWorker.js' },
  lintWorkerEntry: { entryPoints: ['src/linting/workerEntry.ts'], outfile: 'dist/lintWorkerEntry.js' },
  cli: {
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
    define: { WEAKREF_VERSION: JSON.stringify(pkg.version) },
  },
  'memory-cli': {
    entryPoints: ['src/memory/cli.ts'],
    outfile: 'dist/memory-cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // Loaded with `node --require` into a program run under the memory view: Node built-ins only.
  memoryPreload: { entryPoints: ['src/memory/memoryPreload.ts'], outfile: 'dist/memoryPreload.js' },
  'lessons-cli': { entryPoints: ['src/lessons/lessonsCli.ts'], outfile: 'dist/lessons-cli.js' },
  // eslint-plugin-weakref: typescript is a peer dependency (see its README), so the plugin
  // parses with the very copy typescript-eslint uses and can reuse its syntax trees.
  'eslint-plugin': {
    entryPoints: ['src/eslint/index.ts'],
    outfile: `${PLUGIN_DIST}/index.js`,
    external: process.argv.includes('--bundle-typescript') ? [] : ['typescript'],
    define: { WEAKREF_PLUGIN_VERSION: JSON.stringify(pluginPkg.version) },
    sourcemap: false,
  },
};

const selected = only ? only.split(',') : Object.keys(builds);
for (const name of selected) {
  if (!builds[name]) {
    console.error(`esbuild.mjs: unknown build "${name}"; known: ${Object.keys(builds).join(', ')}`);
    process.exit(2);
  }
}
// A full build starts clean, so nothing stale ends up in the VSIX.
if (!only) for (const dir of ['dist', PLUGIN_DIST]) rmSync(dir, { recursive: true, force: true });
await Promise.all(
  selected.map((name) =>
    esbuild.build({ ...common, ...builds[name], define: { ...common.define, ...builds[name].define } }),
  ),
);

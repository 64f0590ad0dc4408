#!/usr/bin/env node
// Makes a fresh machine (Node 20 + npm only) ready for `npm run demo` and `npm test`:
// pnpm, the workspace's dependencies and builds; with --browser (the test command only)
// also Debian's Chromium, and only where it is missing. The demo never needs root.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCommand, LOCAL_PNPM_BIN, PNPM_VERSION, useLocalPnpm } from './pnpm-command.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const withBrowser = process.argv.includes('--browser');
const run = (command) => execSync(command, { stdio: 'inherit', cwd: root });
const started = Date.now();
const step = (message) =>
  console.info(`\n[setup ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);

if (!hasCommand('pnpm') && !useLocalPnpm()) {
  step(`installing pnpm ${PNPM_VERSION} with npm`);
  try {
    run(`npm install --global pnpm@${PNPM_VERSION}`);
  } catch {
    // A global install needs root where Node was installed system-wide: never ask for it.
    step(`npm cannot install globally here: installing pnpm into ${LOCAL_PNPM_BIN} instead`);
    run(
      `npm install --no-save --no-audit --no-fund --prefix .clicktrail/tools pnpm@${PNPM_VERSION}`,
    );
    useLocalPnpm();
    console.info(
      `pnpm is in ${LOCAL_PNPM_BIN}: add it to PATH for the README's pnpm commands, or run them as \`node scripts/pnpm.mjs …\``,
    );
  }
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (withBrowser && !existsSync(chromium) && process.env.CLICKTRAIL_SKIP_BROWSER !== '1') {
  step('installing Debian chromium for the browser tests');
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  try {
    run(`${sudo}apt-get install -y --no-install-recommends chromium`);
  } catch {
    run(`${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends chromium`);
  }
}

step('installing workspace dependencies');
run(process.env.CI ? 'pnpm install --frozen-lockfile' : 'pnpm install');

/** Sizes and times of every source file: equal fingerprints mean the builds are current. */
function sourceFingerprint() {
  const skip = new Set([
    'node_modules',
    'dist',
    '.next',
    '.turbo',
    'cdk.out',
    'coverage',
    '.cache',
  ]);
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name) || entry.name.startsWith('.clicktrail')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\n`);
      }
    }
  };
  for (const folder of ['packages', 'examples'])
    if (existsSync(join(root, folder))) walk(join(root, folder));
  hash.update(readFileSync(join(root, 'pnpm-lock.yaml')));
  return hash.digest('hex');
}

const stampFile = join(root, '.clicktrail', 'build-stamp');
const fingerprint = sourceFingerprint();
const previous = existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : '';
if (previous === fingerprint && !process.env.CI) {
  step('builds are current (no source changed since the last build): skipping the build');
} else {
  step('building every package (pnpm -r build; the store takes longest)');
  run('pnpm -r --reporter=append-only build');
  mkdirSync(join(root, '.clicktrail'), { recursive: true });
  writeFileSync(stampFile, fingerprint);
}
step('ready');

#!/usr/bin/env node
// Makes a fresh machine (Node 20 + npm only) ready for `npm test` and `npm run demo`:
// pnpm, Debian's Chromium for the browser tests, the workspace's dependencies and builds.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PNPM_VERSION = '12.21.0';
const run = (command) => execSync(command, { stdio: 'inherit' });
const has = (command) => {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
};
const step = (message) => console.info(`\n[setup] ${message}`);

if (!has('pnpm')) {
  step(`installing pnpm ${PNPM_VERSION} with npm`);
  run(`npm install --global pnpm@${PNPM_VERSION}`);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium) && process.env.CLICKTRAIL_SKIP_BROWSER !== '1') {
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

step('building packages');
run('pnpm -r build');

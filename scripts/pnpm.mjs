#!/usr/bin/env node
// `node scripts/pnpm.mjs <args>`: pnpm from PATH or from the local install scripts/setup.mjs
// made, so `npm test` works for users whose npm cannot install globally.
import { spawnSync } from 'node:child_process';
import { hasCommand, useLocalPnpm } from './pnpm-command.mjs';

if (!hasCommand('pnpm') && !useLocalPnpm()) {
  console.error('pnpm is not installed: run `node scripts/setup.mjs` first (npm test does)');
  process.exit(1);
}
const result = spawnSync('pnpm', process.argv.slice(2), { stdio: 'inherit' });
process.exit(result.status ?? 1);

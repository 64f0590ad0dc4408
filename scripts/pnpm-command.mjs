// Where pnpm is: on PATH, or where scripts/setup.mjs put it when a global npm install needs
// root (the nodejs.org installer on macOS, a distribution's Node on Linux).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNPM_VERSION = '12.21.0';
const root = fileURLToPath(new URL('..', import.meta.url));

/** The folder that holds pnpm when it could not be installed globally (no root needed). */
export const LOCAL_PNPM_BIN = join(root, '.clicktrail', 'tools', 'node_modules', '.bin');

export function hasCommand(command) {
  try {
    execSync(`command -v ${command}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

/** Puts the local pnpm on this process's PATH (children inherit it); true when it is there. */
export function useLocalPnpm() {
  if (!existsSync(join(LOCAL_PNPM_BIN, 'pnpm'))) return false;
  process.env.PATH = `${LOCAL_PNPM_BIN}:${process.env.PATH ?? ''}`;
  return true;
}

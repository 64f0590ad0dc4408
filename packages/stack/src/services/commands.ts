import { join } from 'node:path';
import type { CommandSpec } from '../child-process.js';
import type { StackSettings } from '../settings.js';

/** A workspace package's bin script, run with this Node (no pnpm or npx in between). */
export const bin = (settings: StackSettings, pkg: string, file: string): string =>
  join(settings.root, 'packages', pkg, 'bin', file);

export function nodeCommand(
  settings: StackSettings,
  script: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = settings.root,
): CommandSpec {
  return {
    command: process.execPath,
    args: [script, ...args],
    cwd,
    env: { ...settings.env, ...env },
  };
}

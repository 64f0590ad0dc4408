import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium-args.mjs';

export { CHROMIUM_ARGS } from './chromium-args.mjs';

/**
 * Debian's Chromium with a fresh profile, never a downloaded browser, and flags that work
 * offline. Shared by every browser test and bench in the workspace.
 */
export async function launchChromium() {
  const profile = await mkdtemp(join(tmpdir(), 'clicktrail-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

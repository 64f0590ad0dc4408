import { spawn } from 'node:child_process';
import { CHROMIUM_ARGS } from '@clicktrail/test-browser';
import { chromium } from 'playwright-core';

/**
 * Debian's Chromium on `profile`, started by us (not by Playwright) so the bench can kill it
 * the way a crash or a power cut would: SIGKILL, no shutdown, nothing flushed.
 */
export async function launchKillable(profile) {
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await new Promise((resolve, reject) => {
    let text = '';
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const found = /DevTools listening on (ws:\S+)/.exec(text);
      if (found) resolve(found[1]);
    });
    child.on('exit', (code) =>
      reject(new Error(`chromium exited (${code}) before DevTools: ${text}`)),
    );
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    context: browser.contexts()[0],
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

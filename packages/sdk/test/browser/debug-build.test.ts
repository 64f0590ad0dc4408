import { describe, expect, it } from 'vitest';
import { useRig } from './support/rig.js';

const rig = useRig();

/** The SDK's console lines on a page without the SDK that then loads `build` and starts a debug client. */
async function debugLines(build: string): Promise<string[]> {
  const { server, browser } = rig();
  const page = await browser.context.newPage();
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  await page.goto(server.url('/plain'));
  await page.addScriptTag({ url: server.url(build) });
  await page.evaluate(() => {
    const endpoint = `${location.origin}/clickstream`;
    const client = window.Clicktrail.createClickstream({
      endpoint,
      appId: 'debug_build',
      trackBots: true,
      debug: true,
    });
    client.record('view_item');
  });
  await page.waitForTimeout(200);
  return lines.filter((line) => line.startsWith('[clicktrail]'));
}

describe('script-tag builds and debug', () => {
  it('logs with debug: true in clicktrail.full.iife.js', async () => {
    expect(await debugLines('/clicktrail.full.iife.js')).toEqual(
      expect.arrayContaining([expect.stringContaining('[clicktrail] queued view_item')]),
    );
  });

  it('logs nothing in the default clicktrail.iife.js, even with debug: true', async () => {
    expect(await debugLines('/clicktrail.iife.js')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { names, useRig } from './support/rig.js';

const rig = useRig();
const copies = (ids: string[]) =>
  Math.max(...[...new Set(ids)].map((id) => ids.filter((each) => each === id).length));

describe('wire duplicates in Chromium', () => {
  it('never sends again what the server acknowledged while the page was going away', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.record('add_to_cart'));
    // The next page takes 400 ms to answer: time for the leaving page's request to be answered.
    await page.goto(server.url('/?wait=400'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    await expect.poll(() => names(server.delivered())).toContain('add_to_cart');
    await page.evaluate(() => window.ct.flush());
    // Any later request (a re-send) would have gone out by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = server.attempted();
    expect(names(sent).filter((name) => name === 'page_view')).toHaveLength(2);
    expect(copies(sent.map((event) => event.event_id))).toBe(1);
  });

  it('still delivers on the next load what the leaving page could not get answered', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.record('add_to_cart'));
    server.mode = 'down';
    await page.goto(server.url('/?wait=400'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    server.mode = 'up';
    await page.evaluate(() => window.ct.flush());
    expect(names(server.delivered())).toContain('add_to_cart');
  });
});

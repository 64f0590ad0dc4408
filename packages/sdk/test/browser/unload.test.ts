import { describe, expect, it } from 'vitest';
import { storedEventCount } from './support/browser.js';
import { names, useRig } from './support/rig.js';

const rig = useRig();
const AFTER_LOAD = ['session_start', 'first_visit', 'page_view'];

describe('unload in Chromium', () => {
  it('delivers the queued events when the tab closes', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(() => names(server.delivered()), { timeout: 5_000 })
      .toEqual(expect.arrayContaining(AFTER_LOAD));
  });

  it('delivers an event recorded just before navigating away', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.record('begin_checkout'));
    await page.goto(server.url('/plain'));
    await expect.poll(() => names(server.delivered())).toContain('begin_checkout');
  });

  it('delivers the queued events when the tab is hidden', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect.poll(() => names(server.delivered())).toEqual(AFTER_LOAD);
  });

  it('sends one request when a page load with defaults ends in a close', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => server.requests.length).toBe(1);
    // pagehide and visibilitychange both fire on close: give a second request time to show.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.requests).toHaveLength(1);
  });

  it('sends the unload batch as a keepalive fetch', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.goto(server.url('/plain'));
    await expect.poll(() => server.requests.length).toBeGreaterThan(0);
    expect(server.requests[0]?.fetchMode).toBe('cors');
  });
});

describe('unload beyond the 64 KB keepalive budget', () => {
  /** 45 events of ~1.5 KB: under maxBatchEvents, so only the unload sends them. */
  const recordHeavyPage = () => {
    const text = 'x'.repeat(1_000);
    for (let i = 0; i < 45; i++) window.ct.record('view_item', { attributes: { i, text } });
  };

  it('hands what exceeds the budget to sendBeacon', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(recordHeavyPage);
    await page.goto(server.url('/plain'));
    await expect
      .poll(() => server.requests.map((request) => request.fetchMode))
      .toContain('no-cors');
    const beaconed = server.requests.find((request) => request.fetchMode === 'no-cors');
    expect(beaconed?.contentType).toBe('text/plain;charset=UTF-8');
  });

  it('delivers on the next page load whatever the unload could not', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(recordHeavyPage);
    // Events still on their way to IndexedDB die with the page when the unload cannot carry
    // them; this test is about re-sending what IndexedDB holds, so let the writes land.
    await expect.poll(() => storedEventCount(page)).toBe(48);
    await page.goto(server.url('/plain'));
    await page.goto(server.url('/'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(() => window.ct.flush());
    const views = server.delivered().filter((event) => event.event_name === 'view_item');
    expect(new Set(views.map((event) => event.attributes.i)).size).toBe(45);
  });
});

import { describe, expect, it } from 'vitest';
import { ids, useRig } from './support/rig.js';

const rig = useRig();
const DATABASE = (origin: string) => `clicktrail:browser_test@${origin}/clickstream`;

describe('tabs sharing storage', () => {
  it('deliver each event once from three tabs without Web Locks (plain http on a LAN address)', async () => {
    const { server, browser } = rig();
    await browser.context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'locks', { get: () => undefined });
    });
    server.mode = 'unavailable';
    const tabs = [];
    for (const path of ['/', '/cart', '/checkout']) tabs.push(await browser.open(server.url(path)));
    await Promise.all(tabs.map((tab) => tab.evaluate(() => window.ct.flush())));
    server.mode = 'up';
    await Promise.all(tabs.map((tab) => tab.evaluate(() => window.ct.flush())));
    const delivered = ids(server.delivered());
    expect(delivered.length).toBeGreaterThanOrEqual(5);
    expect(new Set(delivered).size).toBe(delivered.length);
  });

  it('never block a page that deletes the database ("clear storage" on logout)', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    const outcome = await page.evaluate(
      (name) =>
        new Promise<string>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve('deleted');
          request.onerror = () => resolve('failed');
          setTimeout(() => resolve('still blocked after 3 s'), 3_000);
        }),
      DATABASE(new URL(server.url()).origin),
    );
    expect(outcome).toBe('deleted');
  });

  it('keep delivering in every tab while one tab’s IndexedDB never answers', async () => {
    const { server, browser } = rig();
    const stuck = await browser.context.newPage();
    await stuck.addInitScript(() => {
      // A request that never succeeds nor fails, as in a wedged storage backend.
      IDBFactory.prototype.open = () => ({}) as IDBOpenDBRequest;
    });
    await stuck.goto(server.url('/stuck'));
    await stuck.waitForFunction(() => typeof window.ct === 'object');
    // Never resolves while storage hangs; the page is closed with the test.
    stuck.evaluate(() => window.ct.flush()).catch(() => {});
    const healthy = await browser.open(server.url('/healthy'));
    await healthy.evaluate(() => {
      window.ct.record('add_to_cart');
      return window.ct.flush();
    });
    const names = server.delivered().map((event) => event.event_name);
    expect(names).toContain('add_to_cart');
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ClickstreamEvent } from '../../src/schema/event.js';
import { ids, names, useRig } from './support/rig.js';

const rig = useRig();
const CLIENT = 'legacy-client-00000000001';
const SESSION = 'legacy-session-0000000001';
const LEGACY_IDS = [
  'legacy-stashed-000000001',
  'legacy-queued-0000000001',
  'legacy-queued-0000000002',
];

/**
 * What 0.1.0 left on the origin, under its names: the identity and an unload stash in
 * localStorage (`clicktrail:cid`, `clicktrail:session`, `clicktrail:unsaved`), two events in
 * its IndexedDB database (idb-keyval's `createStore('clicktrail', 'queue')`).
 */
const seedVersion010 = (page: Page) =>
  page.evaluate(
    ({ client, session, eventIds }) =>
      new Promise<void>((resolve, reject) => {
        const event = (id: string) => ({
          event_id: id,
          event_name: 'view_item',
          event_timestamp: Date.now() - 60_000,
          app_id: 'browser_test',
          client_id: client,
          session_id: session,
          session_number: 3,
          is_first_visit: false,
          user_id: null,
          user_login_state: 'logged_out',
          identity_source: null,
          page_url: location.href,
          page_referrer: null,
          page_title: 'Shop',
          product: null,
          items: [],
          attributes: {},
          sdk_version: '0.1.0',
        });
        const [stashed, ...queued] = eventIds as [string, ...string[]];
        localStorage.setItem('clicktrail:cid', JSON.stringify(client));
        localStorage.setItem(
          'clicktrail:session',
          JSON.stringify({ id: session, number: 3, at: Date.now() }),
        );
        localStorage.setItem('clicktrail:unsaved', JSON.stringify([event(stashed)]));
        const open = indexedDB.open('clicktrail');
        open.onupgradeneeded = () => open.result.createObjectStore('queue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const transaction = open.result.transaction('queue', 'readwrite');
          for (const id of queued) transaction.objectStore('queue').put(event(id), id);
          transaction.onerror = () => reject(transaction.error);
          transaction.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    { client: CLIENT, session: SESSION, eventIds: LEGACY_IDS },
  );

const legacyCopies = (events: ClickstreamEvent[]) =>
  ids(events).filter((id) => LEGACY_IDS.includes(id));

describe('upgrading from 0.1.0 in Chromium', () => {
  it('adopts the identity and sends the queue 0.1.0 left, once, into the first client', async () => {
    const { server, browser } = rig();
    const page = await browser.context.newPage();
    await page.goto(server.url('/plain'));
    await seedVersion010(page);
    await page.goto(server.url('/?full'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    // The old queue joins within a few ms of the load: flush until it went out.
    await expect
      .poll(
        async () => {
          await page.evaluate(() => window.ct.flush());
          return legacyCopies(server.delivered()).sort();
        },
        { timeout: 10_000 },
      )
      .toEqual([...LEGACY_IDS].sort());
    const pageView = server.delivered().find((event) => event.event_name === 'page_view');
    expect(pageView).toMatchObject({ client_id: CLIENT, session_id: SESSION, session_number: 3 });
    expect(names(server.delivered())).not.toContain('first_visit');
    expect(await page.evaluate(() => window.ct.clientId)).toBe(CLIENT);

    // A second app on the origin, and a reload of the first: nothing of 0.1.0 is left to send.
    await page.goto(server.pageWith({ appId: 'second_app' }, '/?full'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(() => window.ct.flush());
    await page.goto(server.url('/?full'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(() => window.ct.flush());
    expect(legacyCopies(server.attempted())).toHaveLength(LEGACY_IDS.length);
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => /^clicktrail:[a-z]+$/.test(key)),
      ),
    ).toEqual([]);
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((db) => db.name),
    );
    expect(databases).not.toContain('clicktrail');
  });

  it('leaves what 0.1.0 stored alone in the default script-tag build', async () => {
    const { server, browser } = rig();
    const page = await browser.context.newPage();
    await page.goto(server.url('/plain'));
    await seedVersion010(page);
    await page.goto(server.url('/'));
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(() => window.ct.flush());
    expect(legacyCopies(server.attempted())).toEqual([]);
    expect(await page.evaluate(() => localStorage.getItem('clicktrail:cid'))).toBe(
      JSON.stringify(CLIENT),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ids, names, useRig } from './support/rig.js';
import type { EndpointMode } from './support/server.js';

const rig = useRig();

/** Records on a page, reloads it while the endpoint is `mode`, then brings the endpoint back. */
async function reloadWhile(mode: EndpointMode) {
  const { server, browser } = rig();
  server.mode = mode;
  const page = await browser.open(server.url());
  await page.evaluate(() => {
    window.ct.record('add_to_cart', { attributes: { step: 1 } });
    return window.ct.flush();
  });
  await page.reload();
  await page.waitForFunction(() => typeof window.ct === 'object');
  await page.evaluate(() => window.ct.flush());
  const refused = server.attempted();
  expect(server.delivered()).toEqual([]);
  server.mode = 'up';
  await page.evaluate(() => window.ct.flush());
  return { refused, delivered: server.delivered() };
}

describe('a reload while the endpoint is unreachable', () => {
  it('delivers every event of the first page once the endpoint answers again', async () => {
    const { delivered } = await reloadWhile('unavailable');
    expect(names(delivered).sort()).toEqual(
      ['add_to_cart', 'first_visit', 'page_view', 'page_view', 'session_start'].sort(),
    );
  });

  it('loses no event that a 503 refused', async () => {
    const { refused, delivered } = await reloadWhile('unavailable');
    expect(refused.length).toBeGreaterThan(0);
    expect(ids(delivered)).toEqual(expect.arrayContaining(ids(refused)));
  });

  it('loses no event whose request failed with a network error', async () => {
    const { refused, delivered } = await reloadWhile('down');
    expect(refused.length).toBeGreaterThan(0);
    expect(ids(delivered)).toEqual(expect.arrayContaining(ids(refused)));
  });

  it('delivers each event once when the endpoint is back', async () => {
    const { delivered } = await reloadWhile('down');
    expect(new Set(ids(delivered)).size).toBe(delivered.length);
  });
});

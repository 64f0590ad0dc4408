import { describe, expect, it } from 'vitest';
import { validateEvent } from '../../src/schema/index.js';
import { names, useRig } from './support/rig.js';

const rig = useRig();

describe('batches in Chromium', () => {
  it('sends one request for a page load with defaults once flushed', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    expect(server.requests).toHaveLength(1);
    expect(names(server.delivered())).toEqual(['session_start', 'first_visit', 'page_view']);
  });

  it('sends events that pass validateEvent from the schema', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    await page.evaluate(() => {
      window.ct.record('add_to_cart', {
        product: { id: 'sku_1', name: 'Mug', price: 12.5 },
        attributes: { quantity: 2, gift: true },
      });
      return window.ct.flush();
    });
    const events = server.delivered();
    expect(events).toHaveLength(4);
    for (const event of events) {
      expect(validateEvent(event)).toMatchObject({ ok: true, dropped: [] });
    }
  });

  it('posts text/plain with sent_at so no CORS preflight is needed', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url());
    const before = Date.now();
    await page.evaluate(() => window.ct.flush());
    const [request] = server.requests;
    expect(request?.contentType).toBe('text/plain;charset=UTF-8');
    expect(request?.batch.sent_at).toBeGreaterThanOrEqual(before - 1_000);
  });

  it('sends the batch on its own after flushIntervalMs', async () => {
    const { server, browser } = rig();
    await browser.open(server.url());
    expect(server.requests).toHaveLength(0);
    await expect.poll(() => server.requests.length, { timeout: 8_000 }).toBe(1);
  });

  it('carries the page URL, title and client id on every event', async () => {
    const { server, browser } = rig();
    const page = await browser.open(server.url('/shop?q=mugs'));
    const clientId = await page.evaluate(() => window.ct.clientId);
    await page.evaluate(() => window.ct.flush());
    expect(server.delivered()[2]).toMatchObject({
      event_name: 'page_view',
      client_id: clientId,
      page_url: server.url('/shop?q=mugs'),
      page_title: 'Shop',
      app_id: 'browser_test',
    });
  });
});

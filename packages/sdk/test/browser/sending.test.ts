import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/schema/limits.js';
import { names, useRig } from './support/rig.js';

const rig = useRig({ maxBatchEvents: 5, flushIntervalMs: 60_000 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Ingest's limit: 413 for a body over the schema's byte limit. */
const likeIngest = ({ bytes }: { bytes: number }) => ({
  status: bytes > LIMITS.maxBodyBytes ? 413 : 200,
});

describe('backoff in Chromium', () => {
  it('sends nothing more after a 429 with Retry-After: 60, however many events follow', async () => {
    const { server, browser } = rig();
    server.reply = () => ({ status: 429, headers: { 'Retry-After': '60' } });
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    await page.evaluate(() => {
      for (let i = 0; i < 30; i++) window.ct.record('view_item', { attributes: { i } });
    });
    await sleep(1_000);
    expect(server.requests).toHaveLength(1);
  });

  it('does not storm after Retry-After: 0, nor after a date already past', async () => {
    const { server, browser } = rig();
    let answers = 0;
    server.reply = () =>
      answers++ % 2
        ? { status: 503, headers: { 'Retry-After': 'Thu, 01 Jan 1970 00:00:00 GMT' } }
        : { status: 429, headers: { 'Retry-After': '0' } };
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    await sleep(1_300);
    // The first try and at most one retry (backoff 0.5–1 s; the next waits 1–2 s more).
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('makes no request per click while the endpoint is unreachable', async () => {
    const { server, browser } = rig();
    server.mode = 'down';
    const page = await browser.open(server.url());
    const started = Date.now();
    await page.evaluate(async () => {
      await window.ct.flush();
      for (let i = 0; i < 8; i++) {
        window.ct.record('add_to_cart');
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    });
    // Retries wait at least 0.5 s, 1 s, 2 s …: count what the elapsed time allowed.
    const elapsed = Date.now() - started;
    const retriesAllowed = [500, 1_500, 3_500, 7_500].filter((at) => at <= elapsed).length;
    expect(server.requests.length).toBeLessThanOrEqual(1 + retriesAllowed);
    expect(retriesAllowed).toBeLessThan(3);
  });
});

describe('batch size in Chromium', () => {
  it('delivers three large and two small events that make more than 1 MiB together', async () => {
    const { server, browser } = rig();
    server.reply = likeIngest;
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    await page.evaluate(() => {
      const large = Object.fromEntries(
        Array.from({ length: 350 }, (_, i) => [`a${i}`, 'x'.repeat(1_000)]),
      );
      for (let i = 0; i < 3; i++) window.ct.record('view_item', { attributes: large });
      window.ct.record('add_to_cart');
      window.ct.record('purchase');
      return window.ct.flush();
    });
    expect(server.requests.every((request) => request.delivered)).toBe(true);
    expect(names(server.delivered()).slice(3)).toEqual([
      'view_item',
      'view_item',
      'view_item',
      'add_to_cart',
      'purchase',
    ]);
  });

  it('halves batches a stricter server refuses with 413 until each is accepted', async () => {
    const { server, browser } = rig();
    server.reply = ({ bytes }) => ({ status: bytes > 20_000 ? 413 : 200 });
    const page = await browser.open(server.url());
    await page.evaluate(() => window.ct.flush());
    await page.evaluate(() => {
      const text = 'x'.repeat(6_000);
      for (let i = 0; i < 5; i++) window.ct.record('view_item', { attributes: { i, text } });
      return window.ct.flush();
    });
    const views = server.delivered().filter((event) => event.event_name === 'view_item');
    expect(views.map((event) => event.attributes.i)).toEqual([0, 1, 2, 3, 4]);
  });
});

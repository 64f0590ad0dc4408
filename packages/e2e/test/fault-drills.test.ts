import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickstreamClient } from '@clicktrail/sdk';
import { type LaunchedChromium, launchChromium } from '@clicktrail/test-browser';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runEtl, startIngest } from './support/commands.js';
import { killEtlMidRun } from './support/etl-process.js';
import { rawEventLines } from './support/raw-files.js';
import { type Shop, startShop } from './support/shop.js';
import { runTraffic, wholeHistory } from './support/traffic.js';
import { openWarehouse, type Warehouse } from './support/warehouse.js';

declare global {
  interface Window {
    ct: ClickstreamClient;
  }
}

interface Counts {
  rows: number;
  ids: number;
}
const COUNTS =
  'SELECT count(*)::int AS rows, count(DISTINCT event_id)::int AS ids FROM clickstream_events';

let workdir: string;
let warehouse: Warehouse | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

async function freshWorkdir(): Promise<string> {
  workdir = await mkdtemp(join(tmpdir(), 'clicktrail-drill-'));
  warehouse = await openWarehouse(workdir);
  return workdir;
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch(() => undefined);
  }
  await warehouse?.drop();
  await rm(workdir, { recursive: true, force: true });
});

describe('fault drills', () => {
  let chromium: LaunchedChromium;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('loses nothing a shopper did while ingest was down, once ingest is back', async () => {
    const dir = await freshWorkdir();
    const raw = join(dir, 'raw');
    const shop: Shop = await startShop();
    cleanups.push(() => shop.close());
    let ingest = await startIngest(raw, shop.origin);
    shop.endpoint = ingest.url;
    const page = await chromium.context.newPage();
    await page.goto(shop.url);
    await page.waitForFunction(() => typeof window.ct === 'object');
    await page.evaluate(() => window.ct.flush());
    await vi.waitFor(async () => expect((await rawEventLines(raw)).length).toBe(3), {
      timeout: 15_000,
    });

    await ingest.stop();
    await page.evaluate(async () => {
      const cap = { id: 'sku-cap', name: 'Cap', category: 'apparel', brand: 'Bolt', price: 18 };
      window.ct.record('view_item', { product: cap });
      window.ct.record('add_to_cart', { product: cap, attributes: { quantity: 1 } });
      window.ct.record('begin_checkout');
      window.ct.record('purchase', {
        attributes: { transaction_id: 'order-drill', value: 18, currency: 'USD' },
      });
      await window.ct.flush(); // fails: nobody listens; the SDK keeps the events
    });
    expect((await rawEventLines(raw)).length).toBe(3);

    ingest = await startIngest(raw, shop.origin, ingest.port);
    cleanups.push(() => ingest.stop());
    await vi.waitFor(
      async () => {
        await page.evaluate(() => window.ct.flush());
        expect((await rawEventLines(raw)).length).toBe(7);
      },
      { timeout: 30_000, interval: 1_000 },
    );
    await page.close();
    await runEtl(['--raw-dir', raw, ...(warehouse as Warehouse).etlArgs], dir);
    const names = await (warehouse as Warehouse).query<{ event_name: string }>(
      'SELECT event_name FROM clickstream_events ORDER BY event_name',
    );
    expect(names.map((r) => r.event_name)).toEqual([
      'add_to_cart',
      'begin_checkout',
      'first_visit',
      'page_view',
      'purchase',
      'session_start',
      'view_item',
    ]);
  });

  it('loads every event exactly once when the ETL is killed mid-run and run again', async () => {
    const dir = await freshWorkdir();
    const raw = join(dir, 'raw');
    const ingest = await startIngest(raw, 'http://localhost:3000');
    cleanups.push(() => ingest.stop());
    const traffic = await runTraffic(ingest.url, dir, {
      seed: 21,
      visitors: 400,
      days: 4,
      appId: 'drill',
    });
    const expected = wholeHistory(traffic.ledger).events;
    const args = ['--raw-dir', raw, ...(warehouse as Warehouse).etlArgs];

    // On a server the rows can be watched arriving; PGlite is locked by the run, and slow
    // enough that its 2-second progress line comes while it loads.
    const onServer = Boolean(process.env.DATABASE_URL);
    const crash = await killEtlMidRun(
      args,
      dir,
      onServer
        ? async () => ((await (warehouse as Warehouse).query<Counts>(COUNTS))[0]?.rows ?? 0) > 0
        : undefined,
    );
    expect(crash.killed, `the run ended before it could be killed:\n${crash.stderr}`).toBe(true);
    expect(crash.finished).toBe(false);
    const afterCrash = (await (warehouse as Warehouse).query<Counts>(COUNTS))[0];

    const rerun = await runEtl(args, dir);
    const counts = (await (warehouse as Warehouse).query<Counts>(COUNTS))[0];
    expect(counts).toEqual({ rows: expected, ids: expected });
    expect(rerun.rows_loaded).toBe(expected - (afterCrash?.rows ?? 0));
    // The derived model is whole too: one row per simulated session.
    const sessions = await (warehouse as Warehouse).query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sessions',
    );
    expect(sessions[0]?.n).toBe(wholeHistory(traffic.ledger).sessions);
  });

  it('answers 503 while the raw folder cannot be written, then delivers everything', async () => {
    const dir = await freshWorkdir();
    const raw = join(dir, 'raw');
    const ingest = await startIngest(raw, 'http://localhost:3000');
    cleanups.push(() => ingest.stop());
    // Running as root, permissions do not stop a write: a file where the events folder
    // belongs does (ENOTDIR), for root and everyone else.
    await mkdir(raw, { recursive: true });
    await writeFile(join(raw, 'events'), 'not a folder');
    const traffic = runTraffic(ingest.url, dir, { seed: 5, visitors: 20, days: 2, appId: 'drill' });
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await rename(join(raw, 'events'), join(dir, 'events-was-a-file'));
    const { ledger, retries } = await traffic;
    expect(retries).toBeGreaterThan(0);
    await runEtl(['--raw-dir', raw, ...(warehouse as Warehouse).etlArgs], dir);
    const expected = wholeHistory(ledger).events;
    expect((await (warehouse as Warehouse).query<Counts>(COUNTS))[0]).toEqual({
      rows: expected,
      ids: expected,
    });
  });
});

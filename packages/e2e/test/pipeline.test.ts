import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickstreamClient } from '@clicktrail/sdk';
// The SDK's Chromium launcher (Debian's Chromium, offline flags), shared rather than copied.
import { type LaunchedChromium, launchChromium } from '@clicktrail/test-browser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EtlSummary, type RunningIngest, runEtl, startIngest } from './support/commands.js';
import { rawEventLines } from './support/raw-files.js';
import { type Shop, startShop } from './support/shop.js';
import { openWarehouse, type Warehouse } from './support/warehouse.js';

declare global {
  interface Window {
    ct: ClickstreamClient;
  }
}

interface Row {
  event_id: string;
  event_name: string;
  client_id: string;
  session_id: string;
  context_product_id: string | null;
}

let workdir: string;
let shop: Shop;
let ingest: RunningIngest;
let chromium: LaunchedChromium;
let warehouse: Warehouse;
let runs: EtlSummary[];
let rows: Row[];

/** A shopper's visit: two page loads, a view, a cart, an SPA step, a purchase sent on unload. */
async function shoppingVisit(): Promise<void> {
  const page = await chromium.context.newPage();
  page.on('console', (m) => process.env.E2E_DEBUG && console.info('page:', m.text()));
  await page.goto(shop.url);
  await page.waitForFunction(() => typeof window.ct === 'object');
  await page.evaluate(async () => {
    const mug = { id: 'sku-mug', name: 'Mug', category: 'kitchen', brand: 'Acme', price: 12.5 };
    window.ct.record('view_item', { product: mug });
    window.ct.record('add_to_cart', { product: mug, attributes: { quantity: 2 } });
    history.pushState(null, '', '/cart');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await window.ct.flush();
  });
  await page.reload();
  await page.waitForFunction(() => typeof window.ct === 'object');
  await page.evaluate(() =>
    window.ct.record('purchase', { attributes: { value: 25, currency: 'USD' } }),
  );
  await page.close({ runBeforeUnload: true });
}

beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'clicktrail-e2e-'));
  shop = await startShop();
  ingest = await startIngest(join(workdir, 'raw'), shop.origin);
  shop.endpoint = ingest.url;
  chromium = await launchChromium();
  warehouse = await openWarehouse(workdir);
  await shoppingVisit();
  await vi.waitFor(
    async () => {
      const lines = await rawEventLines(join(workdir, 'raw'));
      if (!lines.some((line) => line.includes('"purchase"')))
        throw new Error('purchase not stored yet');
    },
    { timeout: 15_000, interval: 200 },
  );
  const args = ['--raw-dir', join(workdir, 'raw'), ...warehouse.etlArgs];
  runs = [await runEtl(args, workdir), await runEtl(args, workdir)];
  rows = await warehouse.query<Row>(
    'SELECT event_id, event_name, client_id, session_id, context_product_id FROM clickstream_events',
  );
});

afterAll(async () => {
  await chromium?.close();
  ingest?.stop();
  await shop?.close();
  await warehouse?.drop();
  await rm(workdir, { recursive: true, force: true });
});

describe('a shopping visit, from the browser to the warehouse', () => {
  it('lands every event the SDK recorded', () => {
    expect(rows.map((row) => row.event_name).sort()).toEqual([
      'add_to_cart',
      'first_visit',
      'page_view',
      'page_view',
      'page_view',
      'purchase',
      'session_start',
      'view_item',
    ]);
  });

  it('keeps one row per event id', () => {
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(rows.length);
  });

  it('puts both page loads in one client and one session', () => {
    expect(new Set(rows.map((row) => row.client_id)).size).toBe(1);
    expect(new Set(rows.map((row) => row.session_id)).size).toBe(1);
  });

  it('flattens the product context into context_product_* columns', () => {
    const viewItem = rows.find((row) => row.event_name === 'view_item');
    expect(viewItem?.context_product_id).toBe('sku-mug');
  });

  it('loads nothing more when the ETL runs again', () => {
    expect(runs[0]?.rows_loaded).toBe(rows.length);
    expect(runs[1]?.rows_loaded).toBe(0);
  });
});

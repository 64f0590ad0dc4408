import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type LaunchedChromium, launchChromium } from '@clicktrail/test-browser';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../src/db/reader.js';
import { type FixtureWarehouse, fixtureWarehouse } from '../src/test-support/fixture-warehouse.js';
import { serveDashboard } from './serve.js';

const OUTPUT = join(import.meta.dirname, '..', 'test-output');
const week = '?from=2026-11-16&to=2026-11-22';

let chromium: LaunchedChromium;
let warehouse: FixtureWarehouse;
let dashboard: Awaited<ReturnType<typeof serveDashboard>>;
beforeAll(async () => {
  [chromium, warehouse] = await Promise.all([launchChromium(), fixtureWarehouse()]);
  dashboard = await serveDashboard({
    reader: warehouse.reader,
    warehouseLabel: 'fixture',
    timeZone: 'UTC',
  });
}, 120_000);
afterAll(async () => {
  await dashboard?.close();
  await chromium?.close();
  await warehouse?.close();
});

const kpi = (page: Page, metric: string) =>
  page.locator(`[data-metric="${metric}"] .value`).first().textContent();

describe('the dashboard in Chromium', () => {
  it('fits the product tables in their panel at 1280 px; on a phone they scroll inside it', async () => {
    const page = await chromium.context.newPage();
    const products = () =>
      page.locator('#products').evaluate((card) => ({
        // Table widths beyond the card's content box (its padding is 12 px a side).
        excess: Array.from(card.querySelectorAll('table')).map(
          (t) => t.scrollWidth - (card.clientWidth - 24),
        ),
        scrolls: getComputedStyle(card).overflowX === 'auto',
        pageExcess: document.documentElement.scrollWidth - window.innerWidth,
      }));
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${dashboard.url}/${week}`);
    const wide = await products();
    expect(wide.excess).toHaveLength(3);
    for (const excess of wide.excess) expect(excess).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await products();
    expect(phone.scrolls).toBe(true);
    expect(phone.pageExcess).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('shows the fixture numbers in every panel, from this server alone', async () => {
    const page = await chromium.context.newPage();
    const origins = new Set<string>();
    const scripts: Buffer[] = [];
    page.on('request', (request) => origins.add(new URL(request.url()).origin));
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.body());
    });
    await page.goto(`${dashboard.url}/${week}`);
    expect(await kpi(page, 'users')).toBe('5');
    expect(await kpi(page, 'new_users')).toBe('4');
    expect(await kpi(page, 'sessions')).toBe('6');
    expect(await kpi(page, 'engagement_rate')).toBe('66.7%');
    expect(await kpi(page, 'purchases')).toBe('2');
    expect(await kpi(page, 'revenue')).toBe('€35.00');
    expect(await kpi(page, 'avg_session_duration_s')).toBe('37s');
    // Charts are in the first HTML, as SVG with their axis labels as text.
    expect(await page.locator('#trend svg').count()).toBe(4);
    expect(await page.locator('#trend').textContent()).toContain('11-16');
    expect(await page.locator('[data-step="add_to_cart"] td').nth(1).textContent()).toBe('2');
    expect(await page.locator('#products').textContent()).toContain('Ceramic mug');
    expect(await page.locator('#acquisition').textContent()).toContain('mail.example.com');
    expect(await page.locator('#pages').textContent()).toContain('/products/mug');
    expect(await page.locator('#audience').textContent()).toContain('Firefox');
    expect(await page.locator('#live').textContent()).toContain('client-live');
    expect(await page.locator('#health').textContent()).toContain('Quarantined lines: 1');
    expect(await page.locator('#definitions').textContent()).toContain('GA4');
    await mkdir(OUTPUT, { recursive: true });
    await page.screenshot({ path: join(OUTPUT, 'main-page.png'), fullPage: true });
    expect([...origins]).toEqual([dashboard.url]);
    const js = scripts.reduce((sum, body) => sum + gzipSync(body).length, 0);
    expect(js).toBeGreaterThan(0);
    expect(js).toBeLessThanOrEqual(50 * 1024);
    await page.close();
  });

  it('changes the numbers with the date filter and the app picker, and keeps them in the URL', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${dashboard.url}/${week}`);
    await page.fill('input[name="from"]', '2026-11-18');
    await page.fill('input[name="to"]', '2026-11-18');
    await page.click('button[type="submit"]');
    await page.waitForURL(/from=2026-11-18/);
    expect(await kpi(page, 'users')).toBe('2');
    expect(await kpi(page, 'sessions')).toBe('1');
    await page.goto(`${dashboard.url}/${week}`);
    await page.selectOption('select[name="app_id"]', 'blog');
    await page.click('button[type="submit"]');
    await page.waitForURL(/app_id=blog/);
    expect(await kpi(page, 'users')).toBe('1');
    expect(await kpi(page, 'page_views')).toBe('2');
    await page.goBack();
    expect(await kpi(page, 'users')).toBe('5');
    await page.close();
  });

  it('downloads CSV that matches the API', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${dashboard.url}/${week}`);
    for (const panel of ['funnel', 'products']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click(`#${panel} a.csv`),
      ]);
      const file = await readFile((await download.path()) as string, 'utf8');
      const api = await (await fetch(`${dashboard.url}/api/${panel}${week}&format=csv`)).text();
      expect(file).toBe(api);
      expect(file).toContain(panel === 'funnel' ? 'view_item,3' : 'sku-mug');
    }
    await page.close();
  });

  it('shows a message for a bad filter', async () => {
    const page = await chromium.context.newPage();
    const response = await page.goto(`${dashboard.url}/?from=2026-11-22&to=2026-11-01`);
    expect(response?.status()).toBe(400);
    expect(await page.locator('#message').textContent()).toContain('is after');
    await page.close();
  });
});

describe('other states', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(() => empty?.drop());

  it('greets an empty warehouse with the first-run page', async () => {
    const reader = createReader({ connect: empty.connect, maxConnections: 1 });
    const server = await serveDashboard({
      reader,
      warehouseLabel: 'empty test warehouse',
      timeZone: 'UTC',
    });
    const page = await chromium.context.newPage();
    try {
      await page.goto(`${server.url}/sbw_dashboard/`);
      expect(await page.locator('#first-run h1').textContent()).toBe('No events yet');
      expect(await page.locator('#first-run pre').textContent()).toContain('createClickstream');
    } finally {
      await page.close();
      await server.close();
      await reader.close();
    }
  });

  it('guards every page behind the login form when a password is set', async () => {
    const server = await serveDashboard({
      reader: warehouse.reader,
      warehouseLabel: 'fixture',
      timeZone: 'UTC',
      password: 'open sesame',
    });
    const page = await chromium.context.newPage();
    try {
      expect((await fetch(`${server.url}/api/summary${week}`)).status).toBe(401);
      await page.goto(`${server.url}/${week}`);
      await page.fill('input[name="password"]', 'wrong');
      await page.click('button[type="submit"]');
      expect(await page.locator('#login .error').textContent()).toBe('Wrong password.');
      expect(await page.locator('[data-metric]').count()).toBe(0);
      await page.goto(`${server.url}/${week}`);
      await page.fill('input[name="password"]', 'open sesame');
      await page.click('button[type="submit"]');
      await page.waitForURL(/from=2026-11-16/);
      expect(await kpi(page, 'users')).toBe('5');
      const cookie = (await page.context().cookies(server.url)).find(
        (c) => c.name === 'clicktrail_dashboard',
      );
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    } finally {
      await page.close();
      await page.context().clearCookies();
      await server.close();
    }
  });
});

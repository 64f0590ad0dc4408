// From a click in the store to its row: "Add to cart" on a product page in Chromium, then
// when ingest has stored the event (a raw object), when the warehouse has its row, and when
// the dashboard's products panel counts it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@clicktrail/test-browser';
import { query, sleep, until } from './warehouse.mjs';

const rawObjects = (dataDir) => {
  try {
    return readdirSync(join(dataDir, 'raw', 'events'), { recursive: true }).filter((f) =>
      f.endsWith('.ndjson.gz'),
    ).length;
  } catch {
    return 0;
  }
};

export async function clickLatency(stack, { samples, appId }) {
  const [product] = await query(
    stack.databaseUrl,
    `SELECT p.id FROM clickstream_web.products p JOIN clickstream_web.inventory i
       ON i.product_id = p.id WHERE i.stock >= $1 ORDER BY p.id LIMIT 1`,
    [samples + 5],
  );
  const day = new Date().toISOString().slice(0, 10);
  const dashboardCount = async () => {
    const url = `${stack.dashboardUrl}/api/products?from=${day}&to=${day}&app_id=${appId}`;
    const response = await fetch(url);
    if (response.status !== 200) return 0;
    const answer = await response.json();
    return answer.products.find((p) => p.product_id === product.id)?.add_to_carts ?? 0;
  };
  const warehouseCount = async () =>
    (
      await query(
        stack.databaseUrl,
        `SELECT count(*)::int AS n FROM clickstream_events
          WHERE event_name = 'add_to_cart' AND context_product_id = $1`,
        [product.id],
      )
    )[0].n;
  const chromium = await launchChromium();
  const page = await chromium.context.newPage();
  await page.goto(`${stack.storeUrl}/products/${product.id}`);
  const results = [];
  try {
    for (let i = 0; i < samples; i += 1) {
      // Land at a different point of the ETL's cycle each time.
      await sleep(1_000 + ((i * 3_700) % 10_000));
      const [objects, rows, shown] = [
        rawObjects(stack.dataDir),
        await warehouseCount(),
        await dashboardCount(),
      ];
      const clicked = Date.now();
      await page.getByRole('button', { name: 'Add to cart' }).click();
      const stored = await until(() => rawObjects(stack.dataDir) > objects, { everyMs: 20 });
      const loaded = await until(async () => (await warehouseCount()) > rows, { everyMs: 100 });
      const visible = await until(async () => (await dashboardCount()) > shown, { everyMs: 100 });
      results.push({
        ingest: stored - clicked,
        warehouse: loaded - clicked,
        dashboard: visible - clicked,
      });
    }
  } finally {
    await chromium.close();
  }
  return results;
}

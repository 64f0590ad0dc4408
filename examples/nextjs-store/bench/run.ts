// pnpm --filter nextjs-store bench [--requests 20] [--build]: the store's figures on this machine.
// Time to first byte of server-rendered pages beside a static file from the same server in the
// same run (the ratio is what the rendering and the database cost), and the page weight of the
// product page: HTML and first-load JavaScript, gzip -9, with the share the SDK's chunk takes.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createTestDatabase } from '@clicktrail/warehouse/testing';
import { connect } from '../src/db/connection';
import { migrate } from '../src/db/migrate';
import { listProducts } from '../src/db/products';
import { seed } from '../src/db/seed';
import { startCognitoLocal } from '../test/cognito-local';
import { ensureProductionBuild, startStore } from '../test/store-server';
import { quantiles, timeToFirstByte } from './ttfb';

const { values } = parseArgs({
  options: { requests: { type: 'string', default: '20' }, build: { type: 'boolean' } },
});
const requests = Number(values.requests);

if (values.build) {
  const started = performance.now();
  execFileSync('pnpm', ['exec', 'next', 'build'], {
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  console.info(`next build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
ensureProductionBuild();

const database = await createTestDatabase();
const db = connect({ url: database.url, embedded: database.kind === 'pglite' }, { max: 2 });
await migrate(db);
await seed(db);
const product = (await listProducts(db, { page: 1 })).products[0];
const cognito = await startCognitoLocal();
const store = await startStore({ DATABASE_URL: database.url, COGNITO_ENDPOINT: cognito.endpoint });

try {
  const productHtml = await (await fetch(`${store.url}/products/${product?.id}`)).text();
  const scripts = [...productHtml.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? '');
  const staticUrl = `${store.url}${scripts[0]}`;
  const pages = {
    'home /': `${store.url}/`,
    [`product /products/${product?.id}`]: `${store.url}/products/${product?.id}`,
    'category page 2': `${store.url}/category/${product?.categorySlug}?page=2`,
    'search ?q=lamp': `${store.url}/search?q=lamp`,
  };
  console.info(`\nTime to first byte, warm, ${requests} requests each (${database.kind}):`);
  const baseline = quantiles(await timeToFirstByte(staticUrl, requests));
  console.info(
    `  ${'static chunk (the baseline)'.padEnd(32)} median ${baseline.median.toFixed(1).padStart(6)} ms  p95 ${baseline.p95.toFixed(1).padStart(6)} ms`,
  );
  for (const [name, url] of Object.entries(pages)) {
    const q = quantiles(await timeToFirstByte(url, requests));
    console.info(
      `  ${name.padEnd(32)} median ${q.median.toFixed(1).padStart(6)} ms  p95 ${q.p95.toFixed(1).padStart(6)} ms  ratio ${(q.median / baseline.median).toFixed(1)}x`,
    );
  }

  let javascript = 0;
  let sdk = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(`${store.url}${src}`)).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    javascript += size;
    // The SDK's chunk is the one holding its delivery code (beacon and first_visit).
    if (body.includes('sendBeacon') && body.includes('first_visit')) sdk += size;
  }
  const html = gzipSync(productHtml, { level: 9 }).length;
  console.info('\nPage weight of the product page, gzip -9:');
  console.info(`  HTML ${html.toLocaleString('en')} B`);
  console.info(
    `  first-load JavaScript ${javascript.toLocaleString('en')} B in ${scripts.length} scripts`,
  );
  console.info(
    `  chunk(s) holding the SDK ${sdk.toLocaleString('en')} B (${((sdk / javascript) * 100).toFixed(1)} % of it)`,
  );
} finally {
  await store.stop();
  await cognito.stop();
  await db.end();
  await database.drop();
}

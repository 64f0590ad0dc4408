import { launchChromium } from '../test/chromium.mjs';
import { bundle } from './lib/bundle.mjs';
import { startBenchServer } from './lib/server.mjs';

const CHUNKS = 100;
const CHUNK_EVENTS = 100;
const WARM_UP_EVENTS = 500;

/** In the page: times record() in chunks, yielding a task between chunks so SDKs can send. */
async function timeRecords({ chunks, size, warmUp }) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 0));
  let i = 0;
  for (; i < warmUp; i++) window.bench.record(i);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const perEvent = [];
  for (let chunk = 0; chunk < chunks; chunk++) {
    const start = performance.now();
    for (let k = 0; k < size; k++) window.bench.record(i++);
    perEvent.push((performance.now() - start) / size);
    await pause();
  }
  perEvent.sort((a, b) => a - b);
  return { perEvent, isolated: crossOriginIsolated };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * Main-thread cost of record() in Chromium: 10,000 events per SDK (100 chunks of 100), each
 * SDK with its defaults on its own origin of one test server setup, in the same browser run.
 */
export async function measureRecordCost() {
  const browser = await launchChromium();
  const results = [];
  try {
    for (const [name, entry] of [
      ['@clicktrail/sdk', 'record-clicktrail'],
      ['@aws/clickstream-web', 'record-clickstream-web'],
    ]) {
      const server = await startBenchServer(await bundle(entry));
      const page = await browser.context.newPage();
      await page.goto(server.origin);
      await page.evaluate(
        (endpoint) => window.bench.init(endpoint),
        `${server.origin}/clickstream`,
      );
      const run = { chunks: CHUNKS, size: CHUNK_EVENTS, warmUp: WARM_UP_EVENTS };
      const { perEvent, isolated } = await page.evaluate(timeRecords, run);
      await page.close();
      await server.close();
      results.push({
        name,
        events: CHUNKS * CHUNK_EVENTS,
        medianUs: quantile(perEvent, 0.5) * 1000,
        p90Us: quantile(perEvent, 0.9) * 1000,
        posts: server.posts.length,
        isolated,
      });
    }
  } finally {
    await browser.close();
  }
  return results;
}

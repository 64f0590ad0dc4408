import { launchChromium } from '../test/chromium.mjs';
import { bundle } from './lib/bundle.mjs';
import { startBenchServer } from './lib/server.mjs';

const WARM_UP_EVENTS = 500;
/** Long bursts: 100 blocks of 100 calls back to back. Short: 100 blocks of 5, 100 ms apart. */
export const RUNS = {
  long: { blocks: 100, size: 100, gapMs: 0 },
  short: { blocks: 100, size: 5, gapMs: 100 },
};
export const SDKS = [
  ['@clicktrail/sdk', 'record-clicktrail'],
  ['@aws/clickstream-web', 'record-clickstream-web'],
  ['@snowplow/browser-tracker', 'record-snowplow'],
];

/**
 * In the page: the main-thread cost of each block of `size` record() calls, from the first call
 * until a message posted right after the last one arrives. That counts the calls, every
 * promise job they queued (microtasks run before the next task) and any task that ran first.
 */
async function timeBlocks({ blocks, size, gapMs, warmUp }) {
  let i = 0;
  for (; i < warmUp; i++) window.bench.record(i);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const channel = new MessageChannel();
  const perEvent = [];
  for (let block = 0; block < blocks; block++) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const ms = await new Promise((resolve) => {
      const start = performance.now();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      for (let k = 0; k < size; k++) window.bench.record(i++);
      channel.port2.postMessage(0);
    });
    perEvent.push(ms / size);
  }
  channel.port1.close();
  perEvent.sort((a, b) => a - b);
  return { perEvent, isolated: crossOriginIsolated };
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

/**
 * Main-thread cost of record() in Chromium for each SDK with its defaults, in long and short
 * bursts, each SDK on its own origin, all in the same browser run.
 */
export async function measureRecordCost() {
  const browser = await launchChromium();
  const results = [];
  try {
    for (const [name, entry] of SDKS) {
      const script = await bundle(entry);
      for (const [burst, run] of Object.entries(RUNS)) {
        const server = await startBenchServer(script);
        const page = await browser.context.newPage();
        await page.goto(server.origin);
        await page.evaluate((url) => window.bench.init(url), `${server.origin}/clickstream`);
        const { perEvent, isolated } = await page.evaluate(timeBlocks, {
          ...run,
          warmUp: WARM_UP_EVENTS,
        });
        await page.close();
        await server.close();
        results.push({
          name,
          burst,
          events: run.blocks * run.size,
          medianUs: quantile(perEvent, 0.5) * 1000,
          p90Us: quantile(perEvent, 0.9) * 1000,
          isolated,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}

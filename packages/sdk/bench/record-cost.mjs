import { launchChromium } from '@clicktrail/test-browser';
import { bundle } from './lib/bundle.mjs';
import { startBenchServer } from './lib/server.mjs';

const WARM_UP_EVENTS = 100;
/**
 * Long bursts: 20 blocks of 100 calls back to back. Short: 40 blocks of 5, 100 ms apart (a few
 * events per interaction). Small enough for Snowplow, whose record() costs tens of ms here.
 */
export const RUNS = {
  long: { blocks: 20, size: 100, gapMs: 0 },
  short: { blocks: 40, size: 5, gapMs: 100 },
};
export const SDKS = [
  ['@clicktrail/sdk', 'record-clicktrail'],
  ['@aws/clickstream-web', 'record-clickstream-web'],
  ['@snowplow/browser-tracker', 'record-snowplow'],
];

/** Microtask turns awaited after each block, so the promise jobs the calls queued run first. */
const TURNS = 10;

/**
 * In the page: the main-thread cost of each block of `size` record() calls: the calls plus the
 * promise jobs they queue (up to `TURNS` turns deep), less what those turns cost with no calls.
 * Work an SDK puts in later tasks (timers, IndexedDB callbacks) is not counted.
 */
async function timeBlocks({ blocks, size, gapMs, warmUp, turns }) {
  let i = 0;
  for (; i < warmUp; i++) window.bench.record(i);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const drain = async () => {
    for (let turn = 0; turn < turns; turn++) await null;
  };
  const empty = [];
  for (let k = 0; k < 50; k++) {
    const start = performance.now();
    await drain();
    empty.push(performance.now() - start);
  }
  empty.sort((a, b) => a - b);
  const baseline = empty[25];
  const perEvent = [];
  for (let block = 0; block < blocks; block++) {
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const start = performance.now();
    for (let k = 0; k < size; k++) window.bench.record(i++);
    await drain();
    perEvent.push(Math.max(0, performance.now() - start - baseline) / size);
  }
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
          turns: TURNS,
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

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle } from './lib/bundle.mjs';
import { launchKillable } from './lib/killable-chromium.mjs';
import { startBenchServer } from './lib/server.mjs';

/** Delays (ms after record()) at which the browser is killed. */
export const KILL_AFTER_MS = [0, 10, 50, 250];
const TRIALS = 2;

/** In the page after the restart: is the event in the SDK's IndexedDB queue or a stash? */
function survived({ name, eventName }) {
  const stashed = Object.keys(localStorage).some((key) =>
    (localStorage.getItem(key) ?? '').includes(eventName),
  );
  return new Promise((resolve) => {
    const open = indexedDB.open(name);
    open.onerror = () => resolve(stashed);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('queue')) return resolve(stashed);
      const all = db.transaction('queue').objectStore('queue').getAll();
      all.onsuccess = () =>
        resolve(stashed || all.result.some((event) => event?.event_name === eventName));
      all.onerror = () => resolve(stashed);
    };
  });
}

/**
 * The crash-loss window of @clicktrail/sdk: record one event (endpoint down, so only storage can
 * keep it), SIGKILL Chromium `delay` ms later, restart it on the same profile and look for the
 * event in IndexedDB and localStorage. The window is the longest delay at which an event was
 * lost; every later delay kept it in every trial.
 */
export async function measureCrashWindow() {
  const server = await startBenchServer(await bundle('record-clicktrail'), { down: true });
  const endpoint = `${server.origin}/clickstream`;
  const name = `clicktrail:bench@${endpoint}`;
  const rows = [];
  try {
    for (const delay of KILL_AFTER_MS) {
      let kept = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const profile = await mkdtemp(join(tmpdir(), 'clicktrail-crash-'));
        const eventName = `crash_${delay}_${trial}`;
        try {
          const first = await launchKillable(profile);
          const page = await first.context.newPage();
          await page.goto(server.origin);
          await page.evaluate((url) => window.bench.init(url), endpoint);
          // Let the first visit settle, so what is measured is one ordinary record().
          await page.waitForTimeout(300);
          await page.evaluate((n) => window.bench.recordNamed(n), eventName);
          await new Promise((resolve) => setTimeout(resolve, delay));
          await first.kill();
          const second = await launchKillable(profile);
          const check = await second.context.newPage();
          await check.goto(server.origin);
          if (await check.evaluate(survived, { name, eventName })) kept++;
          await second.kill();
        } finally {
          // Chromium's helper processes may still be writing the profile after the kill: retry.
          await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
        }
      }
      rows.push({ delay, kept, trials: TRIALS });
    }
  } finally {
    await server.close();
  }
  const lost = rows.filter((row) => row.kept < row.trials);
  return { rows, windowMs: lost.length ? Math.max(...lost.map((row) => row.delay)) : 0 };
}

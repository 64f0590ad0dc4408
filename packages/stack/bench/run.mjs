// `pnpm bench` in packages/stack (after `pnpm -r build`): the local stack as `npm run demo`
// runs it (embedded PGlite, raw folder, the ETL every 10 s), measured end to end:
//   1. from a click in the store ("Add to cart" in Chromium) to the raw object, the warehouse
//      row and the dashboard's products panel; beside it the design bound of the same run's
//      settings (the SDK's 5 s flush interval plus one ETL interval);
//   2. events per second posted to ingest that the ETL keeps up with (rates rising until an
//      ETL run takes longer than its interval, so the lag would grow), and each part's share of
//      the CPU at each rate (/proc/<pid>/stat, per process group).
// Options: --samples N (5), --etl-every S (10), --rates a,b,c (500,1000,2000,4000,6000,8000,12000), --seconds S (20).

import { clickLatency } from './lib/click-latency.mjs';
import { cpuShares, cpuTicks, partGroups } from './lib/cpu.mjs';
import { startStack } from './lib/stack.mjs';
import { runRate } from './lib/throughput.mjs';
import { median } from './lib/warehouse.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const SAMPLES = Number(arg('--samples', '5'));
const ETL_EVERY = Number(arg('--etl-every', '10'));
const RATES = arg('--rates', '500,1000,2000,4000,6000,8000,12000').split(',').map(Number);
const SECONDS = Number(arg('--seconds', '20'));
const APP = 'bench-store';
const SDK_FLUSH_MS = 5_000;
const TICKS_PER_S = 100;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const pct = (x) => `${(x * 100).toFixed(0)}%`;

const stack = await startStack({ etlEverySeconds: ETL_EVERY, appId: APP });
console.info(`stack ready in ${s(stack.startMs)} (built workspace, fresh data folder)`);
try {
  const clicks = await clickLatency(stack, { samples: SAMPLES, appId: APP });
  const bound = SDK_FLUSH_MS + ETL_EVERY * 1000;
  console.info(`\n1. click → row, ${clicks.length} clicks, ETL every ${ETL_EVERY} s (median, max)`);
  for (const stage of ['ingest', 'warehouse', 'dashboard']) {
    const values = clicks.map((c) => c[stage]);
    console.info(
      `  ${`click → ${stage}`.padEnd(20)} ${s(median(values)).padStart(7)} ${s(Math.max(...values)).padStart(7)}   median / design bound (${s(bound)}): ${(median(values) / bound).toFixed(2)}`,
    );
  }

  const groups = partGroups(stack.dataDir);
  console.info(
    `\n2. events per second, simulator → ingest → ETL → warehouse, ${SECONDS} s per rate`,
  );
  const names = ['simulator', ...groups.values()];
  console.info(
    `  ${'rate'.padStart(6)} ${'achieved'.padStart(9)} ${'max lag'.padStart(8)} ${'drain'.padStart(7)} ${'longest run'.padStart(11)} ${'ETL rows/s'.padStart(10)}  sustained  CPU share (${names.join(' / ')}), cores busy`,
  );
  const steps = [];
  for (const rate of RATES) {
    const before = cpuTicks(groups);
    const wallStart = Date.now();
    const step = await runRate(stack, {
      rate,
      seconds: SECONDS,
      etlEverySeconds: ETL_EVERY,
      appId: APP,
    });
    const { shares, total } = cpuShares(before, cpuTicks(groups));
    const cores = total / TICKS_PER_S / ((Date.now() - wallStart) / 1000);
    steps.push({ ...step, shares, cores });
    console.info(
      `  ${String(rate).padStart(6)} ${step.achieved.toFixed(0).padStart(9)} ${`${step.maxLagS.toFixed(1)} s`.padStart(8)} ${(step.drainS === null ? 'never' : `${step.drainS.toFixed(1)} s`).padStart(7)} ${`${step.longestRunS.toFixed(1)} s`.padStart(11)} ${step.etlRowsPerS.toFixed(0).padStart(10)}  ${(step.sustained ? 'yes' : 'NO').padEnd(9)}  ${names.map((n) => pct(shares[n] ?? 0)).join(' / ')}, ${cores.toFixed(2)} cores`,
    );
    if (!step.sustained) break;
  }
  const best = steps.filter((step) => step.sustained).at(-1);
  console.info(
    `\n  sustained end to end: ${best ? `${best.achieved.toFixed(0)} events/s` : 'none of the rates'}${steps.at(-1)?.sustained ? ' (the highest rate tried)' : ''}`,
  );
  console.info(
    JSON.stringify({
      startMs: stack.startMs,
      clicks,
      steps: steps.map(({ shares, ...rest }) => ({ ...rest, shares })),
    }),
  );
} finally {
  await stack.stop();
}

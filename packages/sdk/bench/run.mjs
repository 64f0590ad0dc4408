#!/usr/bin/env node
// `pnpm bench` in packages/sdk: size, record() cost (short and long bursts), the crash-loss
// window, requests per page load and wire duplicates, printed as tables. Needs dist/ built (`pnpm --filter @clicktrail/sdk build`) and /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { measureCrashWindow } from './crash-window.mjs';
import { measureDuplicates } from './duplicates.mjs';
import { measureRecordCost } from './record-cost.mjs';
import { countRequests } from './requests.mjs';
import { measureSizes } from './size.mjs';

if (!existsSync(new URL('../dist/clicktrail.iife.js', import.meta.url))) {
  console.error('dist/ is not built: run `pnpm --filter @clicktrail/sdk build` first.');
  process.exit(1);
}

const bytes = (n) => n.toLocaleString('en-US');
const table = (title, header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.info(`\n${title}\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const row of rows) console.info(line(row));
};

const sizes = await measureSizes();
table(
  'Size: init + one event, gzip -9 (ratio to dist/clicktrail.iife.js)',
  ['bundle', 'minified B', 'gzip -9 B', 'ratio'],
  sizes.map((s) => [s.name, bytes(s.minified), bytes(s.gzip), `${s.ratio.toFixed(2)}x`]),
);

const costs = await measureRecordCost();
for (const burst of ['short', 'long']) {
  const rows = costs.filter((c) => c.burst === burst);
  const ours = rows[0];
  const shape =
    burst === 'short' ? 'blocks of 5 calls 100 ms apart' : 'blocks of 100 calls back to back';
  table(
    `record() main-thread cost in Chromium, ${burst} bursts: ${bytes(ours.events)} events in ${shape}` +
      ` (calls + the promise jobs they queue; crossOriginIsolated: ${ours.isolated})`,
    ['SDK (defaults)', 'median us/event', 'p90 us/event', 'median vs ours'],
    rows.map((c) => [
      c.name,
      c.medianUs.toFixed(2),
      c.p90Us.toFixed(2),
      `${(c.medianUs / ours.medianUs).toFixed(1)}x`,
    ]),
  );
}

const crash = await measureCrashWindow();
table(
  `Crash-loss window of @clicktrail/sdk: Chromium SIGKILLed this long after record(), endpoint down` +
    ` (window: ${crash.windowMs} ms, the longest delay at which an event was lost)`,
  ['killed after ms', 'event kept'],
  crash.rows.map((r) => [String(r.delay), `${r.kept} of ${r.trials}`]),
);

const requests = await countRequests();
table(
  'Requests for one page load with defaults (fresh profile, load, stay 1 s, close; expected 1)',
  ['SDK', 'POSTs per load', 'loads'],
  requests.map((r) => [r.name, [...new Set(r.posts)].join(' or '), String(r.posts.length)]),
);

const duplicates = await measureDuplicates();
table(
  'Wire duplicates of dist/clicktrail.iife.js in Chromium: events the endpoint received more than' +
    ' once (by event_id), per 1,000 distinct events; every recorded event arrived',
  ['session', 'distinct events', 'extra copies', 'per 1,000', 'per 1,000 not after a lost answer'],
  duplicates.map((d) => [
    d.name,
    String(d.distinct),
    String(d.extra),
    d.perThousand.toFixed(0),
    d.avoidablePerThousand.toFixed(0),
  ]),
);

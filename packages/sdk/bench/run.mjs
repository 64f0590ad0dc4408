#!/usr/bin/env node
// `pnpm bench` in packages/sdk: size, record() cost and requests per page load, printed as
// tables. Needs dist/ built (`pnpm --filter @clicktrail/sdk build`) and /usr/bin/chromium.
import { existsSync } from 'node:fs';
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
const [ours] = costs;
table(
  `record() main-thread cost in Chromium, ${bytes(ours.events)} events each, 100 chunks of 100` +
    ` (crossOriginIsolated: ${ours.isolated})`,
  ['SDK (defaults)', 'median us/event', 'p90 us/event', 'POSTs during run', 'median vs ours'],
  costs.map((c) => [
    c.name,
    c.medianUs.toFixed(2),
    c.p90Us.toFixed(2),
    bytes(c.posts),
    `${(c.medianUs / ours.medianUs).toFixed(1)}x`,
  ]),
);

const requests = await countRequests();
table(
  'Requests for one page load with defaults (fresh profile, load, stay 1 s, close; expected 1)',
  ['SDK', 'POSTs per load', 'loads'],
  requests.map((r) => [r.name, [...new Set(r.posts)].join(' or '), String(r.posts.length)]),
);

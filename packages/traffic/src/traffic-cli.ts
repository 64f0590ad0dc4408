import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { planBatches } from './ingest/batches.js';
import { postBatches } from './ingest/post-batches.js';
import { wireEvents } from './ingest/wire-events.js';
import { simulate } from './model/simulate.js';
import { makeLedger } from './truth/make-ledger.js';
import { USER_AGENTS } from './user-agents.js';

const HELP = `clicktrail-traffic: simulated shoppers whose every number is known in advance

Usage:
  clicktrail-traffic [--seed N] [--visitors N] [--days N] [--app-id ID] [--via ingest]
                     [--endpoint URL] [--truth FILE] [--time-zone TZ] [--today YYYY-MM-DD]

One behaviour model (visitors new and known, intents browse / search / buy / abandon a
cart / bounce, coming back later, guests and logged-in shoppers, funnels with drop-off,
second tabs, flaky networks that resend batches), seeded: a seed gives the same history.
The history covers --days whole days before today (in the reporting time zone).

  --via ingest   posts the SDK's wire format straight to ingest (sent_at at send time,
                 so the skew correction keeps historical times)
  --via browser  real Chromium through the real store pages: not built yet

Options:
  --seed N          (default 1)          --visitors N   (default 50)
  --days N          (default 7)          --app-id ID    (default clicktrail-store)
  --endpoint URL    ingest (default http://localhost:3100/clickstream)
  --origin URL      the shop's origin in page URLs (default http://localhost:3000)
  --truth FILE      write the ground-truth ledger (JSON) for clicktrail-verify
  --time-zone TZ    reporting time zone (default CLICKTRAIL_TIME_ZONE, else UTC)
  --dry-run         simulate and write the ledger, send nothing
`;

const number = (text: string | undefined, name: string, fallback: number): number => {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`--${name}: expected a whole number, got "${text}"`);
  return value;
};

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: 'string' },
      visitors: { type: 'string' },
      days: { type: 'string' },
      'app-id': { type: 'string' },
      via: { type: 'string' },
      endpoint: { type: 'string' },
      origin: { type: 'string' },
      truth: { type: 'string' },
      'time-zone': { type: 'string' },
      today: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const via = values.via ?? 'ingest';
  if (via !== 'ingest') throw new Error(`--via: only "ingest" is built so far, got "${via}"`);
  const options = {
    seed: number(values.seed, 'seed', 1),
    visitors: number(values.visitors, 'visitors', 50),
    days: Math.max(1, number(values.days, 'days', 7)),
    appId: values['app-id'] ?? 'clicktrail-store',
    timeZone: values['time-zone'] ?? process.env.CLICKTRAIL_TIME_ZONE ?? 'UTC',
    ...(values.today ? { today: values.today } : {}),
    reloadRecordsPurchase: true,
  };
  const simulation = simulate(options);
  const ledger = makeLedger(simulation, 'ingest');
  if (values.truth) await writeFile(values.truth, `${JSON.stringify(ledger, null, 1)}\n`);
  const origin = values.origin ?? 'http://localhost:3000';
  const wire = wireEvents(simulation.events, options.appId, origin, options.seed);
  const batches = planBatches(simulation.events, wire, simulation.flakyVisitors);
  const line = `${simulation.events.length} events of ${options.visitors} visitors over ${simulation.from}..${simulation.to}`;
  if (values['dry-run']) {
    process.stdout.write(`simulated ${line} (dry run: nothing sent)\n`);
    return;
  }
  const started = Date.now();
  const report = await postBatches(batches, {
    endpoint: values.endpoint ?? 'http://localhost:3100/clickstream',
    userAgent: (batch) =>
      USER_AGENTS[(batch.events[0]?.client_id.charCodeAt(0) ?? 0) % USER_AGENTS.length] as string,
  });
  process.stdout.write(
    `sent ${line} in ${report.requests} requests (${report.retries} retried, ${report.accepted} events accepted incl. resent copies) in ${((Date.now() - started) / 1000).toFixed(1)} s${values.truth ? `; truth in ${values.truth}` : ''}\n`,
  );
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`clicktrail-traffic: ${error.message}\n`);
  process.exit(1);
});

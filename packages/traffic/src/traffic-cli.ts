import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { driveBrowser } from './browser/drive-browser.js';
import { storeDatabaseUrl } from './browser/store-database.js';
import { planBatches } from './ingest/batches.js';
import { postBatches } from './ingest/post-batches.js';
import { wireEvents } from './ingest/wire-events.js';
import { simulate } from './model/simulate.js';
import type { Ledger } from './truth/ledger.js';
import { makeLedger } from './truth/make-ledger.js';
import { USER_AGENTS } from './user-agents.js';

const HELP = `clicktrail-traffic: simulated shoppers whose every number is known in advance

Usage:
  clicktrail-traffic [--seed N] [--visitors N] [--days N] [--app-id ID] [--via ingest|browser]
                     [--endpoint URL] [--origin URL] [--truth FILE] [--time-zone TZ]

One behaviour model (visitors new and known, intents browse / search / buy / abandon a
cart / bounce, coming back later, guests and logged-in shoppers, funnels with drop-off,
second tabs, flaky networks that resend batches), seeded: a seed gives the same history.
The history covers --days whole days before today (in the reporting time zone).

  --via ingest   posts the SDK's wire format straight to ingest (sent_at at send time,
                 so the skew correction keeps historical times)
  --via browser  real Chromium sessions through the store's pages (the SDK as shipped,
                 real sign-ups on Cognito, real orders), on Playwright's clock so the idle
                 time between actions and sessions is skipped; its products come from the
                 store's database, and the ledger also holds the orders the store made,
                 which must add up to its revenue. Needs Chromium (CHROMIUM_PATH) and
                 playwright-core; the demo itself never does.

Options:
  --seed N          (default 1)          --visitors N   (default 50)
  --days N          (default 7)          --app-id ID    (default clicktrail-store)
  --endpoint URL    ingest (default http://localhost:3100/clickstream)
  --origin URL      the store (default http://localhost:3000); with ingest, page URLs' origin
  --database-url U  browser: the store's database (default DATABASE_URL, else the demo's
                    embedded one on CLICKTRAIL_PG_PORT or 5433)
  --concurrency N   browser: visitors shopping at once (default 2)
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
      'database-url': { type: 'string' },
      concurrency: { type: 'string' },
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
  if (via !== 'ingest' && via !== 'browser')
    throw new Error(`--via: expected ingest or browser, got "${via}"`);
  const options = {
    seed: number(values.seed, 'seed', 1),
    visitors: number(values.visitors, 'visitors', 50),
    days: Math.max(1, number(values.days, 'days', 7)),
    appId: values['app-id'] ?? 'clicktrail-store',
    timeZone: values['time-zone'] ?? process.env.CLICKTRAIL_TIME_ZONE ?? 'UTC',
    ...(values.today ? { today: values.today } : {}),
  };
  const endpoint = values.endpoint ?? 'http://localhost:3100/clickstream';
  const origin = values.origin ?? 'http://localhost:3000';
  const writeTruth = async (ledger: Ledger) => {
    if (values.truth) await writeFile(values.truth, `${JSON.stringify(ledger, null, 1)}\n`);
  };
  const started = Date.now();
  const took = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const truthNote = values.truth ? `; truth in ${values.truth}` : '';
  if (via === 'browser') {
    const report = await driveBrowser(options, {
      origin,
      endpoint,
      databaseUrl: values['database-url'] ?? storeDatabaseUrl(),
      concurrency: number(values.concurrency, 'concurrency', 2),
      dryRun: values['dry-run'] === true,
      writeTruth,
      progress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${report} in ${took()}${truthNote}\n`);
    return;
  }
  const simulation = simulate({ ...options, reloadRecordsPurchase: true });
  await writeTruth(makeLedger(simulation, 'ingest'));
  const wire = wireEvents(simulation.events, options.appId, origin, options.seed);
  const batches = planBatches(simulation.events, wire, simulation.flakyVisitors);
  const line = `${simulation.events.length} events of ${options.visitors} visitors over ${simulation.from}..${simulation.to}`;
  if (values['dry-run']) {
    process.stdout.write(`simulated ${line} (dry run: nothing sent)\n`);
    return;
  }
  const report = await postBatches(batches, {
    endpoint,
    userAgent: (batch) =>
      USER_AGENTS[(batch.events[0]?.client_id.charCodeAt(0) ?? 0) % USER_AGENTS.length] as string,
  });
  process.stdout.write(
    `sent ${line} in ${report.requests} requests (${report.retries} retried, ${report.accepted} events accepted incl. resent copies) in ${took()}${truthNote}\n`,
  );
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`clicktrail-traffic: ${error.message}\n`);
  process.exit(1);
});

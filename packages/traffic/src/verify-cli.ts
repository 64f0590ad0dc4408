import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Ledger } from './truth/ledger.js';
import { type Comparison, compareRange } from './verify/compare.js';
import {
  askDashboard,
  type FunnelAnswer,
  type ProductsAnswer,
  type SummaryAnswer,
} from './verify/dashboard-api.js';
import { formatReport } from './verify/report.js';

const HELP = `clicktrail-verify: the dashboard's figures against a clicktrail-traffic ledger

Usage:
  clicktrail-verify --truth FILE [--dashboard URL]

For every range in the ledger (each day, the whole history, its halves) asks the dashboard's
JSON API (/api/summary, /api/funnel, /api/products with from, to and app_id) and compares
users, new users, sessions, engaged sessions, page views, events, purchases, revenue (to
the cent), each funnel step and each product's figures. Prints expected against shown and
exits 1 on any difference: zero tolerance. Run it after the ETL has loaded the traffic.

  --dashboard URL   default http://localhost:3838
`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      truth: { type: 'string' },
      dashboard: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.truth) throw new Error('--truth FILE is required (see --help)');
  const ledger = JSON.parse(await readFile(values.truth, 'utf8')) as Ledger;
  const dashboard = values.dashboard ?? 'http://localhost:3838';
  const rows: Comparison[] = [];
  for (const truth of ledger.ranges) {
    const params = { from: truth.from, to: truth.to, app_id: ledger.app_id };
    const [summary, funnel, products] = await Promise.all([
      askDashboard<SummaryAnswer>(dashboard, 'summary', params),
      askDashboard<FunnelAnswer>(dashboard, 'funnel', params),
      askDashboard<ProductsAnswer>(dashboard, 'products', params),
    ]);
    rows.push(...compareRange(truth, summary, funnel, products));
  }
  process.stdout.write(`${formatReport(rows)}\n`);
  return rows.every((row) => row.ok) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`clicktrail-verify: ${error.message}\n`);
    process.exitCode = 2;
  },
);

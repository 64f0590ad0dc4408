import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Ledger } from './truth/ledger.js';
import {
  type Comparison,
  compareOrders,
  compareRange,
  FIGURE_GROUPS,
  type FigureGroup,
} from './verify/compare.js';
import {
  askDashboard,
  type FunnelAnswer,
  type ProductsAnswer,
  type SummaryAnswer,
} from './verify/dashboard-api.js';
import { formatReport } from './verify/report.js';

const HELP = `clicktrail-verify: the dashboard's figures against a clicktrail-traffic ledger

Usage:
  clicktrail-verify --truth FILE [--dashboard URL] [--figures GROUP,...]

For every range in the ledger (each day, the whole history, its halves) asks the dashboard's
JSON API (/api/summary, /api/funnel, /api/products with from, to and app_id) and compares
users, new users, sessions, engaged sessions, page views, events, purchases, revenue (to
the cent), each funnel step and each product's figures; for a ledger of --via browser also
the orders the store made against purchases and revenue over the whole history. Prints expected against shown and
exits 1 on any difference: zero tolerance. Run it after the ETL has loaded the traffic.

  --dashboard URL   default http://localhost:3838
  --figures LIST    which figures to check, of ${FIGURE_GROUPS.join(', ')} (default: all);
                    product-purchases are each product's transactions, units and revenue
                    from the purchases' items
`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      truth: { type: 'string' },
      dashboard: { type: 'string' },
      figures: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.truth) throw new Error('--truth FILE is required (see --help)');
  const groups = new Set((values.figures ?? FIGURE_GROUPS.join(',')).split(','));
  for (const group of groups) {
    if (!(FIGURE_GROUPS as readonly string[]).includes(group)) {
      throw new Error(`--figures: expected some of ${FIGURE_GROUPS.join(', ')}, got "${group}"`);
    }
  }
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
    const compared = compareRange(truth, summary, funnel, products);
    rows.push(...compared.filter((row) => groups.has(row.group as FigureGroup)));
    const whole = truth.from === ledger.from && truth.to === ledger.to;
    if (whole && ledger.orders && groups.has('headline')) {
      rows.push(...compareOrders(ledger.orders, summary, `${truth.from}..${truth.to}`));
    }
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

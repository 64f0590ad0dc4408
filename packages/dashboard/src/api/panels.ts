import type { Query } from '../db/reader.js';
import type { Filters } from '../filters/parse-filters.js';
import type { ReportRange } from '../filters/range.js';
import { acquisition } from '../queries/acquisition.js';
import { audience } from '../queries/audience.js';
import { funnel } from '../queries/funnel.js';
import { health } from '../queries/health.js';
import { live } from '../queries/live.js';
import { pages } from '../queries/pages.js';
import { products } from '../queries/products.js';
import { retention } from '../queries/retention.js';
import { summary } from '../queries/summary.js';
import { trend } from '../queries/trend.js';
import type { CsvRow } from './csv.js';

/** One panel of the API: how it loads, whether `compare=previous` applies, its CSV tables. */
export interface Panel {
  comparable: boolean;
  load(query: Query, range: ReportRange, filters: Filters): Promise<object>;
  tables(result: never): Record<string, CsvRow[]>;
}

const panel = <T extends object>(p: {
  comparable: boolean;
  load(query: Query, range: ReportRange, filters: Filters): Promise<T>;
  tables(result: T): Record<string, CsvRow[]>;
}): Panel => p as Panel;

const asRows = <T extends object>(rows: readonly T[]) => rows as unknown as CsvRow[];

export const PANELS = {
  summary: panel({
    comparable: true,
    load: summary,
    tables: (s) => ({ summary: [s as unknown as CsvRow] }),
  }),
  trend: panel({
    comparable: true,
    load: trend,
    tables: (t) => ({ trend: asRows(t.points.map((p) => ({ granularity: t.granularity, ...p }))) }),
  }),
  funnel: panel({
    comparable: true,
    load: (q, range, f) => funnel(q, range, f.funnel),
    tables: (f) => ({ funnel: asRows(f.steps.map((s) => ({ mode: f.mode, ...s }))) }),
  }),
  products: panel({
    comparable: true,
    load: (q, range) => products(q, range),
    tables: (p) => ({
      products: asRows(p.products),
      categories: asRows(p.categories),
      brands: asRows(p.brands),
    }),
  }),
  acquisition: panel({
    comparable: true,
    load: acquisition,
    tables: (a) => ({ referrers: asRows(a.referrers), campaigns: asRows(a.campaigns) }),
  }),
  pages: panel({
    comparable: true,
    load: (q, range) => pages(q, range),
    tables: (p) => ({ top: asRows(p.top), landing: asRows(p.landing), exit: asRows(p.exit) }),
  }),
  audience: panel({
    comparable: true,
    load: audience,
    tables: (a) => ({
      user_type: asRows(a.user_type),
      login_state: asRows(a.login_state),
      identity_source: asRows(a.identity_source),
      browser: asRows(a.browser),
      device: asRows(a.device),
    }),
  }),
  retention: panel({
    comparable: false,
    load: retention,
    tables: (r) => ({ retention: asRows(r.cohorts) }),
  }),
  live: panel({
    comparable: false,
    load: (q, range, f) => live(q, range.appId, f.eventName),
    tables: (l) => ({ live: asRows(l.events) }),
  }),
  health: panel({
    comparable: false,
    load: (q) => health(q),
    tables: (h) => ({ health: [h as unknown as CsvRow] }),
  }),
} satisfies Record<string, Panel>;

export type PanelName = keyof typeof PANELS;
export const PANEL_NAMES = Object.keys(PANELS) as PanelName[];

/** Flat CSV rows of a result: a `table` column when a panel has several, `period` with compare. */
export function csvRows(panel: Panel, result: object, previous?: object): CsvRow[] {
  const periods: [string, object][] = previous
    ? [
        ['current', result],
        ['previous', previous],
      ]
    : [['current', result]];
  const rows: CsvRow[] = [];
  for (const [period, value] of periods) {
    const tables = Object.entries(panel.tables(value as never));
    for (const [table, tableRows] of tables) {
      for (const row of tableRows) {
        rows.push({
          ...(previous ? { period } : {}),
          ...(tables.length > 1 ? { table } : {}),
          ...row,
        });
      }
    }
  }
  return rows;
}

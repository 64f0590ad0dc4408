import type { Report } from '../report.js';
import { Definitions } from './definitions.js';
import { FilterForm } from './filter-form.js';
import { FunnelPanel } from './funnel-panel.js';
import { HealthBar } from './health-bar.js';
import { Kpis } from './kpis.js';
import { Layout } from './layout.js';
import { csvLink } from './links.js';
import {
  AcquisitionPanel,
  AudiencePanel,
  LivePanel,
  PagesPanel,
  ProductsPanel,
  RetentionPanel,
} from './panels.js';
import { TrendCharts } from './trend-charts.js';

export function MainPage({
  base,
  report,
  today,
  configuredTimeZone,
}: {
  base: string;
  report: Report;
  today: string;
  /** CLICKTRAIL_TIME_ZONE; when the warehouse's days are cut in another zone, the page says so. */
  configuredTimeZone?: string;
}) {
  const { filters } = report;
  const { from, to, appId, timeZone } = filters.range;
  return (
    <Layout title={`Clicktrail · ${from} – ${to}`} base={base}>
      <header>
        <h1>Clicktrail</h1>
        <FilterForm base={base} filters={filters} apps={report.apps} today={today} />
      </header>
      <main>
        <HealthBar health={report.health} />
        <p class="muted" id="range">
          {from} to {to} ({timeZone}), {appId ?? 'all apps'}; changes against the previous{' '}
          {from === to ? 'day' : 'period of equal length'}.{' '}
          <a href={csvLink(base, 'summary', filters)}>Summary CSV</a> ·{' '}
          <a href={csvLink(base, 'trend', filters)}>Trend CSV</a>
        </p>
        {configuredTimeZone && configuredTimeZone !== timeZone ? (
          <p class="muted" id="zone-note">
            The warehouse's days are cut in {timeZone}; CLICKTRAIL_TIME_ZONE is {configuredTimeZone}
            . Run <code>clicktrail-etl rebuild</code> to cut them there.
          </p>
        ) : null}
        <Kpis current={report.summary} previous={report.previousSummary} />
        <TrendCharts current={report.trend} previous={report.previousTrend} />
        <div class="grid">
          <FunnelPanel base={base} funnel={report.funnel} filters={filters} />
          <ProductsPanel base={base} report={report} />
          <AcquisitionPanel base={base} report={report} />
          <PagesPanel base={base} report={report} />
          <AudiencePanel base={base} report={report} />
          <RetentionPanel base={base} report={report} />
        </div>
        <LivePanel base={base} report={report} filters={filters} />
        <Definitions />
      </main>
      <footer class="muted">
        Every panel is also JSON: <a href={`${base}/api/summary`}>/api/summary</a>, trend, funnel,
        products, acquisition, pages, audience, retention, live, health; add ?format=csv for CSV.
      </footer>
    </Layout>
  );
}

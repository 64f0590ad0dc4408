import { raw } from 'hono/html';
import { renderLineChart } from '../charts/line-chart.js';
import type { Trend, TrendPoint } from '../queries/trend.js';

const METRICS: { key: keyof Omit<TrendPoint, 'bucket'>; label: string }[] = [
  { key: 'users', label: 'Users' },
  { key: 'sessions', label: 'Sessions' },
  { key: 'page_views', label: 'Page views' },
  { key: 'revenue', label: 'Revenue' },
];

const label = (bucket: string, hourly: boolean) =>
  hourly ? bucket.slice(5).replace('T', ' ') : bucket.slice(5);

/**
 * One SVG chart per metric, rendered on the server, with the previous period as a dashed
 * second line. The values ride along as data attributes for the tooltip script.
 */
export function TrendCharts({ current, previous }: { current: Trend; previous: Trend }) {
  const hourly = current.granularity === 'hour';
  const labels = current.points.map((p) => label(p.bucket, hourly));
  return (
    <div class="grid" id="trend" data-panel="trend">
      {METRICS.map((metric) => {
        const values = current.points.map((p) => p[metric.key]);
        const before = previous.points.map((p) => p[metric.key]);
        const svg = renderLineChart({
          labels,
          series: [
            { name: metric.label, values },
            { name: 'Previous period', values: before, muted: true },
          ],
        });
        return (
          <section class="card">
            <h2>
              {metric.label} <span class="muted">per {hourly ? 'hour' : 'day'}</span>
            </h2>
            <div
              class="chart"
              data-metric={metric.key}
              data-labels={JSON.stringify(current.points.map((p) => p.bucket))}
              data-values={JSON.stringify([values, before])}
            >
              {raw(svg)}
            </div>
          </section>
        );
      })}
    </div>
  );
}

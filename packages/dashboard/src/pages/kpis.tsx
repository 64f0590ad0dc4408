import {
  formatComparison,
  formatCount,
  formatDecimal,
  formatDuration,
  formatMoney,
  formatRatio,
} from '../format.js';
import type { Summary } from '../queries/summary.js';

interface Kpi {
  key: keyof Summary;
  label: string;
  format(value: number | null, s: Summary): string;
  /** For rates where up is bad (bounce rate). */
  lowerIsBetter?: boolean;
}

const count = (v: number | null) => formatCount(v);
const money = (v: number | null, s: Summary) => formatMoney(v, s.currency);

export const KPIS: Kpi[] = [
  { key: 'users', label: 'Users', format: count },
  { key: 'new_users', label: 'New users', format: count },
  { key: 'returning_users', label: 'Returning users', format: count },
  { key: 'sessions', label: 'Sessions', format: count },
  { key: 'engagement_rate', label: 'Engagement rate', format: (v) => formatRatio(v) },
  { key: 'bounce_rate', label: 'Bounce rate', format: (v) => formatRatio(v), lowerIsBetter: true },
  { key: 'avg_session_duration_s', label: 'Avg. session duration', format: formatDuration },
  { key: 'views_per_session', label: 'Views per session', format: (v) => formatDecimal(v) },
  { key: 'events', label: 'Events', format: count },
  { key: 'page_views', label: 'Page views', format: count },
  { key: 'purchases', label: 'Purchases', format: count },
  { key: 'revenue', label: 'Revenue', format: money },
  { key: 'average_order_value', label: 'Avg. order value', format: money },
  { key: 'conversion_rate', label: 'Session conversion rate', format: (v) => formatRatio(v, 2) },
];

/** The headline numbers, each with its change against the previous period of equal length. */
export function Kpis({ current, previous }: { current: Summary; previous: Summary }) {
  return (
    <div class="kpis" id="summary" data-panel="summary">
      {KPIS.map((kpi) => {
        const now = current[kpi.key] as number | null;
        const before = previous[kpi.key] as number | null;
        const comparison = formatComparison(now, before, (v) => kpi.format(v, previous));
        const better =
          now !== null && before !== null && now !== before
            ? now > before !== !!kpi.lowerIsBetter
            : null;
        return (
          <div class="kpi" data-metric={kpi.key}>
            <div class="label">{kpi.label}</div>
            <div class="value">{kpi.format(now, current)}</div>
            <div class={`change${better === null ? '' : better ? ' up' : ' down'}`}>
              {comparison || ' '}
            </div>
          </div>
        );
      })}
    </div>
  );
}

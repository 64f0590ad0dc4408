import type { Filters } from '../filters/parse-filters.js';
import { formatCount, formatRatio } from '../format.js';
import type { Funnel } from '../queries/funnel.js';
import { Card } from './card.js';
import { csvLink, filterQuery } from './links.js';

/** Clients per step, the share of the first step, and the drop-off from the step before. */
export function FunnelPanel({
  base,
  funnel,
  filters,
}: {
  base: string;
  funnel: Funnel;
  filters: Filters;
}) {
  const first = funnel.steps[0]?.clients ?? 0;
  const other = funnel.mode === 'closed' ? 'open' : 'closed';
  return (
    <Card
      title={`Purchase funnel (${funnel.mode})`}
      id="funnel"
      csv={csvLink(base, 'funnel', filters)}
    >
      <p class="muted">
        {funnel.mode === 'closed'
          ? 'Clients who reached each step after the previous ones, in order, within the range.'
          : 'Clients who reached each step within the range, entering at any step.'}{' '}
        <a
          href={`${base}/${filterQuery(filters, { funnel: other === 'closed' ? null : other })}#funnel`}
        >
          Show {other}
        </a>
      </p>
      <table>
        <thead>
          <tr>
            <th>Step</th>
            <th class="n">Clients</th>
            <th class="n">Of first</th>
            <th class="n">Drop-off</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {funnel.steps.map((step, i) => {
            const before = i === 0 ? null : (funnel.steps[i - 1]?.clients ?? 0);
            const share = first > 0 ? step.clients / first : null;
            return (
              <tr data-step={step.name}>
                <td>{step.name}</td>
                <td class="n">{formatCount(step.clients)}</td>
                <td class="n">{formatRatio(share)}</td>
                <td class="n">{before ? formatRatio(1 - step.clients / before) : '–'}</td>
                <td style="width:35%">
                  <div class="bar" style={`width:${Math.round((share ?? 0) * 100)}%`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </Card>
  );
}

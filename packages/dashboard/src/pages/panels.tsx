import type { Filters } from '../filters/parse-filters.js';
import { formatCount, formatMoney, formatRatio } from '../format.js';
import type { Share } from '../queries/audience.js';
import type { GroupRow } from '../queries/products.js';
import type { Report } from '../report.js';
import { Card } from './card.js';
import { csvLink, filterQuery } from './links.js';
import { type Column, Table } from './table.js';

type Props = { base: string; report: Report };
const n = (v: number) => formatCount(v);

export function ProductsPanel({ base, report }: Props) {
  const money = (v: number) => formatMoney(v, report.summary.currency);
  const totals: Column<GroupRow>[] = [
    { label: 'Views', value: (r) => n(r.views), numeric: true },
    { label: 'Carts', value: (r) => n(r.add_to_carts), numeric: true },
    { label: 'Purchases', value: (r) => n(r.purchases), numeric: true },
    { label: 'Units', value: (r) => n(r.units), numeric: true },
    { label: 'Revenue', value: (r) => money(r.revenue), numeric: true },
  ];
  const { products, categories, brands } = report.products;
  return (
    <Card title="Products" id="products" csv={csvLink(base, 'products', report.filters)} wide>
      <Table
        rows={products.slice(0, 10)}
        columns={[
          { label: 'Product', value: (r) => r.name ?? r.product_id },
          ...(totals as Column<(typeof products)[number]>[]),
        ]}
      />
      <h3>Categories</h3>
      <Table
        rows={categories.slice(0, 10)}
        columns={[{ label: 'Category', value: (r) => r.name }, ...totals]}
      />
      <h3>Brands</h3>
      <Table
        rows={brands.slice(0, 10)}
        columns={[{ label: 'Brand', value: (r) => r.name }, ...totals]}
      />
    </Card>
  );
}

export function AcquisitionPanel({ base, report }: Props) {
  const { referrers, campaigns } = report.acquisition;
  return (
    <Card title="Acquisition" id="acquisition" csv={csvLink(base, 'acquisition', report.filters)}>
      <h3>Referrers (sessions by landing page referrer)</h3>
      <Table
        rows={referrers.slice(0, 10)}
        columns={[
          { label: 'Referrer', value: (r) => r.referrer },
          { label: 'Sessions', value: (r) => n(r.sessions), numeric: true },
        ]}
      />
      <h3>UTM source / medium / campaign</h3>
      <Table
        rows={campaigns.slice(0, 10)}
        columns={[
          { label: 'Source', value: (r) => r.utm_source },
          { label: 'Medium', value: (r) => r.utm_medium },
          { label: 'Campaign', value: (r) => r.utm_campaign },
          { label: 'Sessions', value: (r) => n(r.sessions), numeric: true },
        ]}
      />
    </Card>
  );
}

export function PagesPanel({ base, report }: Props) {
  const { top, landing, exit } = report.pages;
  const bySessions: Column<{ path: string; sessions: number }>[] = [
    { label: 'Path', value: (r) => r.path },
    { label: 'Sessions', value: (r) => n(r.sessions), numeric: true },
  ];
  return (
    <Card title="Pages" id="pages" csv={csvLink(base, 'pages', report.filters)}>
      <h3>Top pages</h3>
      <Table
        rows={top.slice(0, 10)}
        columns={[
          { label: 'Path', value: (r) => r.path },
          { label: 'Page views', value: (r) => n(r.page_views), numeric: true },
          { label: 'Users', value: (r) => n(r.users), numeric: true },
        ]}
      />
      <h3>Landing pages</h3>
      <Table rows={landing.slice(0, 10)} columns={bySessions} />
      <h3>Exit pages</h3>
      <Table rows={exit.slice(0, 10)} columns={bySessions} />
    </Card>
  );
}

function Shares({ title, rows }: { title: string; rows: Share[] }) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <>
      <h3>{title}</h3>
      <Table
        rows={rows}
        columns={[
          { label: 'Name', value: (r) => r.name },
          { label: 'Count', value: (r) => n(r.count), numeric: true },
          {
            label: 'Share',
            value: (r) => formatRatio(total > 0 ? r.count / total : null),
            numeric: true,
          },
        ]}
      />
    </>
  );
}

export function AudiencePanel({ base, report }: Props) {
  const a = report.audience;
  return (
    <Card title="Audience" id="audience" csv={csvLink(base, 'audience', report.filters)}>
      <Shares title="New vs returning users" rows={a.user_type} />
      <Shares title="Sessions: logged in vs guest" rows={a.login_state} />
      <Shares title="Users by identity source" rows={a.identity_source} />
      <Shares title="Users by browser" rows={a.browser} />
      <Shares title="Users by device" rows={a.device} />
    </Card>
  );
}

export function RetentionPanel({ base, report }: Props) {
  const weeks = Math.max(0, ...report.cohorts.map((c) => c.week_offset));
  const cohorts = [...new Set(report.cohorts.map((c) => c.cohort_week))];
  const cell = (week: string, offset: number) =>
    report.cohorts.find((c) => c.cohort_week === week && c.week_offset === offset);
  return (
    <Card
      title="Retention (weekly cohorts by first visit)"
      id="retention"
      csv={csvLink(base, 'retention', report.filters)}
    >
      {cohorts.length === 0 ? (
        <p class="muted">No first visits in this range.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Cohort (week of)</th>
              <th class="n">Clients</th>
              {Array.from({ length: weeks + 1 }, (_, i) => (
                <th class="n">Week {i}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cohorts.map((week) => (
              <tr data-cohort={week}>
                <td>{week}</td>
                <td class="n">{n(cell(week, 0)?.clients ?? 0)}</td>
                {Array.from({ length: weeks + 1 }, (_, i) => (
                  <td class="n">{formatRatio(cell(week, i)?.share ?? (i === 0 ? null : 0), 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function LivePanel({ base, report, filters }: Props & { filters: Filters }) {
  return (
    <Card
      title="Live: events received in the last 30 minutes"
      id="live"
      csv={csvLink(base, 'live', filters)}
    >
      {filters.eventName ? (
        <p>
          Only <code>{filters.eventName}</code>.{' '}
          <a href={`${base}/${filterQuery(filters, { event_name: null })}#live`}>Show all</a>
        </p>
      ) : null}
      <Table
        empty="Nothing received in the last 30 minutes."
        rows={report.live.slice(0, 50)}
        columns={[
          { label: 'Received', value: (r) => r.received_at.slice(11, 19) },
          { label: 'Event', value: (r) => r.event_name },
          { label: 'App', value: (r) => r.app_id },
          { label: 'Client', value: (r) => r.client_id.slice(0, 12) },
          { label: 'Page', value: (r) => r.page_url ?? '' },
        ]}
      />
      <p class="muted">
        Filter:{' '}
        {['page_view', 'view_item', 'add_to_cart', 'begin_checkout', 'purchase'].map((name) => (
          <>
            <a href={`${base}/${filterQuery(filters, { event_name: name })}#live`}>{name}</a>{' '}
          </>
        ))}
      </p>
    </Card>
  );
}

import { addDays } from '../filters/dates.js';
import type { Filters } from '../filters/parse-filters.js';
import type { AppInfo } from '../queries/apps.js';
import { filterQuery } from './links.js';

/** A plain GET form, so filters end up in the URL and work without JavaScript. */
export function FilterForm({
  base,
  filters,
  apps,
  today,
}: {
  base: string;
  filters: Filters;
  apps: AppInfo[];
  today: string;
}) {
  const quick = [7, 30, 90].map((days) => ({
    days,
    href: `${base}/${filterQuery(filters, { from: addDays(today, 1 - days), to: today })}`,
  }));
  return (
    <form class="filters" method="get" action={`${base}/`}>
      <label>
        From
        <input type="date" name="from" value={filters.range.from} required />
      </label>
      <label>
        To
        <input type="date" name="to" value={filters.range.to} required />
      </label>
      <label>
        App
        <select name="app_id">
          <option value="" selected={filters.range.appId === null}>
            All apps
          </option>
          {apps.map((app) => (
            <option value={app.app_id} selected={filters.range.appId === app.app_id}>
              {app.app_id}
            </option>
          ))}
        </select>
      </label>
      {filters.funnel === 'open' ? <input type="hidden" name="funnel" value="open" /> : null}
      <button type="submit">Apply</button>
      <span class="muted">
        {quick.map((q) => (
          <>
            {' '}
            <a href={q.href}>{q.days} days</a>
          </>
        ))}
      </span>
    </form>
  );
}

import type { Query } from '../db/reader.js';
import { num } from './sql.js';

export interface AppInfo {
  app_id: string;
  first_day: string;
  last_day: string;
  events: number;
}

/** Apps with derived rows (daily_metrics is small: one row per day and app). */
export async function apps(query: Query): Promise<AppInfo[]> {
  const rows = await query<Record<string, string>>(`
    SELECT app_id, to_char(min(day), 'YYYY-MM-DD') AS first_day,
      to_char(max(day), 'YYYY-MM-DD') AS last_day, sum(events) AS events
    FROM daily_metrics GROUP BY app_id ORDER BY app_id`);
  return rows.map((row) => ({
    app_id: row.app_id as string,
    first_day: row.first_day as string,
    last_day: row.last_day as string,
    events: num(row.events),
  }));
}

/** False before the first event is loaded (or before the warehouse is migrated). */
export async function hasEvents(query: Query): Promise<boolean> {
  const [table] = await query<{ t: string | null }>(
    `SELECT to_regclass('clickstream_events')::text AS t`,
  );
  if (!table?.t) return false;
  const [row] = await query<{ any: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM clickstream_events) AS any',
  );
  return row?.any === true;
}

import type { Query } from '../db/reader.js';

/**
 * The time zone the dashboard reports in: the one the warehouse's derived tables and
 * rollups are cut in (`derive_state.time_zone`, recorded by the first derive), since a day
 * of a rollup cannot be cut again; the configured `CLICKTRAIL_TIME_ZONE` before any derive.
 * When the two differ, `clicktrail-etl rebuild` applies the configured one.
 */
export async function reportingZone(query: Query, configured: string): Promise<string> {
  const [table] = await query<{ t: string | null }>(
    `SELECT to_regclass('derive_state')::text AS t`,
  );
  if (!table?.t) return configured;
  const [row] = await query<{ time_zone: string | null }>('SELECT time_zone FROM derive_state');
  return row?.time_zone ?? configured;
}

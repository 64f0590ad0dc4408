import type { Query } from '../db/reader.js';
import { num } from './sql.js';

export interface Health {
  /** When the last ETL run finished (ISO time), or null before the first. */
  last_load_at: string | null;
  /** Raw objects the last run left unloaded. */
  pending_objects: number | null;
  /** Age now of the oldest object the last run found unloaded, or 0 when it left none. */
  oldest_pending_age_s: number | null;
  quarantined_lines: number;
  /**
   * Events ingest refused one by one (its `rejected/` objects), as the ETL counted them;
   * null on a warehouse whose ETL does not count them yet. Requests refused whole (400,
   * 413) hold no events ingest could keep: they are in ingest's request log only.
   */
  rejected_events: number | null;
  /** Seconds since the last finished run (null before the first). */
  last_load_age_s: number | null;
  /** The last run's status (`done`, `partial`, `busy`) or null. */
  last_run_status: string | null;
}

const HEALTH_SQL = `
SELECT to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS last_load_at,
  extract(epoch FROM now() - r.finished_at) AS last_load_age_s,
  extract(epoch FROM now() - r.started_at) AS since_start_s,
  r.summary->>'status' AS status,
  (r.summary->>'pending_after')::bigint AS pending,
  (r.summary->>'oldest_pending_age_s')::numeric AS oldest,
  (SELECT count(*) FROM etl_quarantine) AS quarantined
FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT * FROM etl_runs WHERE finished_at IS NOT NULL
    ORDER BY finished_at DESC LIMIT 1) r ON true`;

/** Null when the table is missing (a warehouse migrated before the ETL counted them). */
async function rejectedEvents(query: Query): Promise<number | null> {
  const [table] = await query<{ t: string | null }>(
    `SELECT to_regclass('etl_rejected_objects')::text AS t`,
  );
  if (!table?.t) return null;
  const [row] = await query<{ n: string | null }>(
    'SELECT coalesce(sum(events), 0) AS n FROM etl_rejected_objects',
  );
  return num(row?.n);
}

/** The pipeline as the warehouse records it: a stalled ETL must never look like a quiet shop. */
export async function health(query: Query): Promise<Health> {
  const [row] = await query<Record<string, string | null>>(HEALTH_SQL);
  const rejected = await rejectedEvents(query);
  const pending = row?.pending == null ? null : num(row.pending);
  const oldest =
    pending === null
      ? null
      : pending === 0
        ? 0
        : Math.round(num(row?.oldest) + num(row?.since_start_s));
  return {
    last_load_at: row?.last_load_at ?? null,
    pending_objects: pending,
    oldest_pending_age_s: oldest,
    quarantined_lines: num(row?.quarantined),
    rejected_events: rejected,
    last_load_age_s: row?.last_load_age_s == null ? null : Math.round(num(row.last_load_age_s)),
    last_run_status: row?.status ?? null,
  };
}

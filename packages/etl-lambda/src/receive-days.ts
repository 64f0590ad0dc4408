import { dayPrefix } from '@clicktrail/raw-store';
import type { ClientBase } from 'pg';

const DAY_MS = 86_400_000;
/**
 * After a day ends, how long a writer may still add to its folder: ingest dates a key by
 * its receive time and writes within seconds (a request times out in 30 s); an hour is ample.
 */
export const DAY_GRACE_MS = 3_600_000;
/** An outage longer than this is caught up by `--full`, not by listing empty days one by one. */
const MAX_GAP_DAYS = 1_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The plan of a run's listing: the prefixes to list, in key order, and whether it is full. */
export interface ScanPlan {
  full: boolean;
  prefixes: string[];
}

/**
 * What a run lists. A full scan (asked for, or the ledger of receive days is empty: a new
 * or just upgraded warehouse) lists all of `events/`. A routine run lists the last
 * `recentDays` days by receive time, every day after the newest day the ledger knows (an
 * outage), and every day the ledger holds as not complete (a run that stopped at its
 * deadline): never the whole bucket, and a timed-out run needs no full scan after it.
 */
export async function planScan(
  client: ClientBase,
  options: { full: boolean; now: number; recentDays: number },
): Promise<ScanPlan> {
  const known = await client.query<{ newest: string | null; open: string[] | null }>(
    `SELECT to_char(max(day), 'YYYY-MM-DD') AS newest,
       array_agg(to_char(day, 'YYYY-MM-DD') ORDER BY day) FILTER (WHERE NOT complete) AS open
     FROM etl_receive_days`,
  );
  const { newest, open } = known.rows[0] ?? { newest: null, open: null };
  if (options.full || newest === null) return { full: true, prefixes: ['events/'] };
  const today = Math.floor(options.now / DAY_MS) * DAY_MS;
  let first = today - (Math.max(1, options.recentDays) - 1) * DAY_MS;
  const afterNewest = Date.parse(`${newest}T00:00:00Z`) + DAY_MS;
  if (afterNewest < first) first = Math.max(afterNewest, today - MAX_GAP_DAYS * DAY_MS);
  const days = new Set(open ?? []);
  for (let day = first; day <= today; day += DAY_MS) days.add(isoDay(day));
  return {
    full: false,
    prefixes: [...days].sort().map((day) => dayPrefix('events', Date.parse(`${day}T00:00:00Z`))),
  };
}

/**
 * Records what the listing of one day found. Complete: listed whole, after its grace
 * period, with nothing left unloaded; a complete day is not listed by routine runs again.
 */
export async function recordDay(
  client: ClientBase,
  day: string,
  outcome: { objects: number; listedWhole: boolean; pendingLeft: number; listedAt: number },
): Promise<void> {
  const ended = Date.parse(`${day}T00:00:00Z`) + DAY_MS + DAY_GRACE_MS;
  const complete = outcome.listedWhole && outcome.pendingLeft === 0 && outcome.listedAt > ended;
  await client.query(
    `INSERT INTO etl_receive_days (day, complete, objects, listed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET complete = EXCLUDED.complete,
       objects = EXCLUDED.objects, listed_at = EXCLUDED.listed_at`,
    [day, complete, outcome.objects, new Date(outcome.listedAt)],
  );
}

import type { ClientBase } from 'pg';
import { WarehouseSettingsError } from '../errors.js';
import { TABLES } from '../tables/names.js';
import { reportingTimeZone } from '../time-zone.js';
import { prepare } from './statements.js';
import { DERIVE_STEPS, type DeriveStep } from './steps.js';

export interface DeriveResult {
  /** The days rebuilt (any app), `YYYY-MM-DD` in `time_zone`. */
  days: string[];
  sessions: number;
  /** The time zone the derived tables are cut in. */
  time_zone: string;
  /** `CLICKTRAIL_TIME_ZONE`; when it differs from `time_zone`, a full rebuild applies it. */
  configured_time_zone: string;
}

export interface DeriveOptions {
  /** The reporting time zone wanted (default: `CLICKTRAIL_TIME_ZONE`, else UTC). */
  timeZone?: string;
  steps?: readonly DeriveStep[];
}

async function inTransaction<T>(client: ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** SET LOCAL TimeZone, as a parameter; PostgreSQL's own zone names decide in the end. */
async function cutDaysIn(client: ClientBase, zone: string): Promise<void> {
  try {
    await client.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
  } catch (error) {
    throw new WarehouseSettingsError(
      `PostgreSQL does not know the time zone "${zone}": ${(error as Error).message}`,
    );
  }
}

async function runSteps(
  client: ClientBase,
  zone: string,
  configured: string,
  steps: readonly DeriveStep[],
  everySession = false,
): Promise<DeriveResult> {
  await cutDaysIn(client, zone);
  for (const sql of prepare(everySession)) await client.query(sql);
  for (const step of steps) {
    for (const sql of step.statements) await client.query(sql);
    await step.after?.(client);
  }
  const days = await client.query<{ day: string }>(
    `SELECT DISTINCT to_char(day, 'YYYY-MM-DD') AS day FROM affected_days ORDER BY day`,
  );
  const sessions = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM touched_sessions',
  );
  return {
    days: days.rows.map((row) => row.day),
    sessions: sessions.rows[0]?.n ?? 0,
    time_zone: zone,
    configured_time_zone: configured,
  };
}

/**
 * Rebuilds the derived model for the sessions loaded into since the last derive, in one
 * transaction: the dashboard sees the old numbers or the new ones, never a half-rebuilt day.
 * Days stay cut in the time zone the model was built in (so the tables never mix two);
 * a first derive adopts the configured zone, `rebuildAll` applies a changed one.
 */
export async function rebuildDerived(
  client: ClientBase,
  options: DeriveOptions = {},
): Promise<DeriveResult> {
  const configured = options.timeZone ?? reportingTimeZone();
  return inTransaction(client, async () => {
    // The row lock also makes concurrent derives take turns.
    const state = await client.query<{ time_zone: string | null }>(
      `SELECT time_zone FROM ${TABLES.deriveState} FOR UPDATE`,
    );
    let zone = state.rows[0]?.time_zone ?? null;
    if (zone === null) {
      zone = configured;
      await client.query(`UPDATE ${TABLES.deriveState} SET time_zone = $1`, [zone]);
    }
    return runSteps(client, zone, configured, options.steps ?? DERIVE_STEPS);
  });
}

/**
 * `clicktrail-etl rebuild`: the whole derived model again from `clickstream_events` alone,
 * cut in the configured time zone. Deterministic: on unchanged data it writes the same rows.
 */
export async function rebuildAll(
  client: ClientBase,
  options: DeriveOptions = {},
): Promise<DeriveResult> {
  const zone = options.timeZone ?? reportingTimeZone();
  const steps = options.steps ?? DERIVE_STEPS;
  return inTransaction(client, async () => {
    await client.query(`SELECT 1 FROM ${TABLES.deriveState} FOR UPDATE`);
    await client.query(`UPDATE ${TABLES.deriveState} SET time_zone = $1, rebuilt_at = now()`, [
      zone,
    ]);
    // DELETE rather than TRUNCATE: readers keep seeing the old rows until the commit. Every
    // session is touched (and the dirty marks dropped).
    for (const step of steps)
      for (const table of step.tables) await client.query(`DELETE FROM ${table}`);
    return runSteps(client, zone, zone, steps, true);
  });
}

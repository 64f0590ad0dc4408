import type { ClientBase } from 'pg';
import { DERIVE_STATEMENTS } from './derive-sql.js';

export interface DeriveResult {
  days: string[];
  sessions: number;
}

/**
 * Rebuilds `sessions` and `daily_metrics` for every dirty day, in one transaction: the
 * dashboard sees the old numbers or the new ones, never a half-rebuilt day.
 */
export async function rebuildDerived(client: ClientBase): Promise<DeriveResult> {
  await client.query('BEGIN');
  try {
    for (const sql of DERIVE_STATEMENTS) await client.query(sql);
    const days = await client.query<{ day: string }>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day FROM affected_days ORDER BY day`,
    );
    const sessions = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM touched_sessions',
    );
    await client.query('COMMIT');
    return { days: days.rows.map((row) => row.day), sessions: Number(sessions.rows[0]?.n ?? 0) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

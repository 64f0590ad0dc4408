import type { ClientBase } from 'pg';

/** One advisory lock key for "an ETL run is loading". */
export const RUN_LOCK = 7_402_117_001;

export class RunLockBusyError extends Error {
  override name = 'RunLockBusyError';
}

/**
 * Takes the run lock on this session. With `wait`, blocks until the other run ends;
 * without it, returns false at once. A session lock goes away with its connection, so a
 * crashed run never leaves it held. Through pglite-socket every connection shares PGlite's
 * one session, where the lock cannot exclude: there the ledger claim keeps loads exact.
 */
export async function acquireRunLock(client: ClientBase, wait: boolean): Promise<boolean> {
  if (wait) {
    await client.query('SELECT pg_advisory_lock($1)', [RUN_LOCK]);
    return true;
  }
  const result = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock($1) AS locked',
    [RUN_LOCK],
  );
  return result.rows[0]?.locked === true;
}

export async function releaseRunLock(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [RUN_LOCK]);
}

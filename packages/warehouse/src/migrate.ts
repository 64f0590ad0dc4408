import type { ClientBase } from 'pg';
import { MigrationError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Serialises migrators (two ETL runs starting at once) apart from the run lock itself. */
const MIGRATION_LOCK = 7_402_117_002;

export interface MigrateResult {
  applied: number[];
  version: number;
}

/** Applies every migration the database lacks, each in its own transaction, in order. */
export async function migrate(
  client: ClientBase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrateResult> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS etl_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = await client.query<{ version: number }>(
      'SELECT version FROM etl_schema_migrations',
    );
    const have = new Set(done.rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (have.has(migration.version)) continue;
      if (await applyOne(client, migration)) applied.push(migration.version);
    }
    return { applied, version: Math.max(0, ...have, ...applied) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/**
 * Applies one migration unless a concurrent migrator already did. The table lock and the
 * re-check matter on PGlite, where the advisory lock cannot exclude (one shared session).
 */
async function applyOne(client: ClientBase, migration: Migration): Promise<boolean> {
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE etl_schema_migrations IN SHARE ROW EXCLUSIVE MODE');
    const done = await client.query('SELECT 1 FROM etl_schema_migrations WHERE version = $1', [
      migration.version,
    ]);
    if (done.rowCount) {
      await client.query('COMMIT');
      return false;
    }
    await client.query(migration.sql);
    await client.query('INSERT INTO etl_schema_migrations (version, name) VALUES ($1, $2)', [
      migration.version,
      migration.name,
    ]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationError(
      `migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`,
    );
  }
}

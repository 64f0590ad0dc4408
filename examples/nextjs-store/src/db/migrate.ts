import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './queryable';
import { SCHEMA, TABLES } from './schema';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
// Any constant shared by every migrator of this schema: concurrent runs wait for each other.
const LOCK_KEY = 7_311_771;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class MigrationFileError extends Error {
  override name = 'MigrationFileError';
}

/** The numbered `NNN_name.sql` files of migrations/, in order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file);
      if (!match) {
        throw new MigrationFileError(`expected a migration named NNN_name.sql, found "${file}"`);
      }
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: await readFile(`${dir}/${file}`, 'utf8'),
      };
    }),
  );
}

/** Applies the migrations not applied yet, each in its own transaction. Returns their versions. */
export async function migrate(db: Database, migrations?: Migration[]): Promise<number[]> {
  const pending = migrations ?? (await readMigrations());
  const applied: number[] = [];
  for (const migration of pending) {
    const done = await db.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${TABLES.migrations} (
           version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rowCount } = await client.query(
        `SELECT 1 FROM ${TABLES.migrations} WHERE version = $1`,
        [migration.version],
      );
      if (rowCount) return false;
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${TABLES.migrations} (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

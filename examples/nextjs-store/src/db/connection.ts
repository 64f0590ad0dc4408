import pg from 'pg';
import { type Database, type DatabaseOptions, databaseOf } from './queryable';

export class DatabaseNotConfiguredError extends Error {
  override name = 'DatabaseNotConfiguredError';
  constructor() {
    super(
      'Expected DATABASE_URL (a PostgreSQL database for the store, e.g. postgres://postgres@127.0.0.1:5432/clickstream_web), found none',
    );
  }
}

export interface DatabaseTarget {
  url: string;
  /** The embedded PGlite server: see DatabaseOptions.atomicStatements. */
  embedded: boolean;
}

/** Where the store's OLTP database is: DATABASE_URL. */
export async function resolveDatabase(
  env: Record<string, string | undefined> = process.env,
): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  throw new DatabaseNotConfiguredError();
}

export function connect(
  target: DatabaseTarget,
  options: Omit<DatabaseOptions, 'atomicStatements'> = {},
): Database {
  const pool = new pg.Pool({ connectionString: target.url, max: options.max ?? 10 });
  // An idle client that loses its server must not crash the process.
  pool.on('error', (error) => console.error('[store] idle database client failed:', error.message));
  return databaseOf(pool, { ...options, atomicStatements: target.embedded });
}

// One pool per server process, kept on globalThis so `next dev` reloads reuse it.
const holder = globalThis as { __clicktrailStoreDb?: Promise<Database> };

/** The process's database, connected on first use. */
export function getDatabase(): Promise<Database> {
  holder.__clicktrailStoreDb ??= resolveDatabase().then((target) => connect(target));
  return holder.__clicktrailStoreDb;
}

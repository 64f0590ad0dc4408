import pg from 'pg';
import { type Database, type DatabaseOptions, databaseOf } from './queryable';

/** Set by scripts/start.ts for the Next.js server it starts on the embedded database. */
export const EMBEDDED_FLAG = 'CLICKTRAIL_STORE_EMBEDDED_DB';

export class DatabaseNotConfiguredError extends Error {
  override name = 'DatabaseNotConfiguredError';
  constructor() {
    super(
      'Expected DATABASE_URL (the store database, e.g. postgres://postgres@127.0.0.1:5432/clickstream_web), found none: start the store with `pnpm start`, which serves the embedded database when DATABASE_URL is unset',
    );
  }
}

export interface DatabaseTarget {
  url: string;
  /** The embedded PGlite server: see DatabaseOptions.atomicStatements. */
  embedded: boolean;
}

/**
 * The database of the Next.js server: DATABASE_URL. Without one, scripts/start.ts joins (or
 * starts) the warehouse's shared embedded server first and hands its URL down, because the
 * Next.js server bundle cannot load the warehouse package's TypeScript sources.
 */
export function databaseFromEnv(
  env: Record<string, string | undefined> = process.env,
): DatabaseTarget {
  if (!env.DATABASE_URL) throw new DatabaseNotConfiguredError();
  return { url: env.DATABASE_URL, embedded: env[EMBEDDED_FLAG] === '1' };
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
const holder = globalThis as { __clicktrailStoreDb?: Database };

/** The process's database, connected on first use. */
export async function getDatabase(): Promise<Database> {
  holder.__clicktrailStoreDb ??= connect(databaseFromEnv());
  return holder.__clicktrailStoreDb;
}

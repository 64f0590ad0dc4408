import pg from 'pg';
import {
  databaseUrlFromSecret,
  type ReadSecret,
  readSecretFromSecretsManager,
} from './database-secret';
import { type Database, type DatabaseOptions, databaseOf } from './queryable';

/** Set by scripts/start.ts for the Next.js server it starts on the embedded database. */
export const EMBEDDED_FLAG = 'CLICKTRAIL_STORE_EMBEDDED_DB';

export class DatabaseNotConfiguredError extends Error {
  override name = 'DatabaseNotConfiguredError';
  constructor() {
    super(
      'Expected DATABASE_URL (the store database, e.g. postgres://postgres@127.0.0.1:5432/clickstream_web) or DATABASE_HOST with DATABASE_SECRET_ARN (as the CDK app sets them on Amplify), found neither: start the store with `pnpm start`, which serves the embedded database when both are unset',
    );
  }
}

export interface DatabaseTarget {
  url: string;
  /** The embedded PGlite server: see DatabaseOptions.atomicStatements. */
  embedded: boolean;
}

/**
 * The database of the Next.js server: DATABASE_URL, else DATABASE_HOST with the login in the
 * Secrets Manager secret DATABASE_SECRET_ARN (how the CDK app configures Amplify, so no
 * password sits in plain text in the app's settings). Without either, scripts/start.ts joins
 * (or starts) the warehouse's shared embedded server first and hands its URL down, because
 * the Next.js server bundle cannot load the warehouse package's TypeScript sources.
 */
export async function databaseFromEnv(
  env: Record<string, string | undefined> = process.env,
  readSecret: ReadSecret = readSecretFromSecretsManager,
): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: env[EMBEDDED_FLAG] === '1' };
  const host = env.DATABASE_HOST?.trim();
  const secretArn = env.DATABASE_SECRET_ARN?.trim();
  if (!host || !secretArn) throw new DatabaseNotConfiguredError();
  return {
    url: databaseUrlFromSecret(host, secretArn, await readSecret(secretArn)),
    embedded: false,
  };
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

/** The process's database, connected on first use (one secret read, however many requests). */
export function getDatabase(): Promise<Database> {
  holder.__clicktrailStoreDb ??= databaseFromEnv().then((target) => connect(target));
  holder.__clicktrailStoreDb.catch(() => {
    holder.__clicktrailStoreDb = undefined; // a failed read is tried again on the next request
  });
  return holder.__clicktrailStoreDb;
}

import pg from 'pg';

/** The PostgreSQL a running stack keeps the warehouse and the store's `clickstream_web` in. */
export interface StackDatabase {
  query<T>(sql: string, values?: unknown[]): Promise<T[]>;
}

/**
 * The stack's database: the server database the test gave it (DATABASE_URL), else the
 * embedded PGlite the stack serves on CLICKTRAIL_PG_PORT. One short connection per query,
 * so the test never holds one of the embedded server's few sessions.
 */
export function stackDatabase(serverUrl: string | null, embeddedPort: string): StackDatabase {
  const url = serverUrl ?? `postgres://postgres@127.0.0.1:${embeddedPort}/postgres`;
  return {
    async query<T>(sql: string, values: unknown[] = []) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
  };
}

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Warehouse {
  /** What to pass to `clicktrail-etl run` so it loads into this warehouse. */
  etlArgs: string[];
  query<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

async function onServer(adminUrl: string): Promise<Warehouse> {
  const name = `clicktrail_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    etlArgs: ['--database-url', url.toString()],
    async query<T>(sql: string) {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        return (await client.query(sql)).rows as T[];
      } finally {
        await client.end();
      }
    },
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** The embedded default: `clicktrail-etl` with no settings writes PGlite in `.clicktrail/dw`. */
function embedded(cwd: string): Warehouse {
  return {
    etlArgs: [],
    async query<T>(sql: string) {
      const db = new PGlite(join(cwd, '.clicktrail', 'dw'));
      try {
        return (await db.query<T>(sql)).rows;
      } finally {
        await db.close();
      }
    },
    drop: async () => {},
  };
}

/** The machine's PostgreSQL when DATABASE_URL is set (CI), else embedded PGlite. */
export const openWarehouse = (cwd: string): Promise<Warehouse> =>
  process.env.DATABASE_URL ? onServer(process.env.DATABASE_URL) : Promise.resolve(embedded(cwd));

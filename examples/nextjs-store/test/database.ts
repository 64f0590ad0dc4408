import { randomBytes } from 'node:crypto';
import { startEmbedded } from '@clicktrail/warehouse/embedded';
import pg from 'pg';

/** A throwaway store database reached over TCP, as the store reaches its own. */
export interface TestDatabase {
  kind: 'postgresql' | 'pglite';
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the server at `adminUrl` (CI: DATABASE_URL). */
export async function createServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `store_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgresql',
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** An in-memory PGlite behind the warehouse's embedded socket server on a random port. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const server = await startEmbedded(undefined);
  return { kind: 'pglite', url: server.connectionString, drop: () => server.stop() };
}

/** The kinds of database the data layer is tested on: PGlite always, PostgreSQL with DATABASE_URL. */
export const DATABASE_KINDS: Array<{
  kind: TestDatabase['kind'];
  create: () => Promise<TestDatabase>;
}> = [
  { kind: 'pglite', create: createPgliteDatabase },
  ...(process.env.DATABASE_URL
    ? [
        {
          kind: 'postgresql' as const,
          create: () => createServerDatabase(process.env.DATABASE_URL as string),
        },
      ]
    : []),
];

import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
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

/** An in-memory PGlite behind pglite-socket on a random port: the embedded mode's engine. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const address = server.getServerConn();
  return {
    kind: 'pglite',
    url: `postgres://postgres@${address}/postgres`,
    async drop() {
      await server.stop();
      await db.close();
    },
  };
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

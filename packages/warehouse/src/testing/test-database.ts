import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbedded } from '../embedded/embedded.js';

/** A throwaway database: on the server named by DATABASE_URL, else an in-memory PGlite. */
export interface TestDatabase {
  url: string;
  kind: 'server' | 'pglite';
  connect(): Promise<pg.Client>;
  drop(): Promise<void>;
}

async function connectTo(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A fresh database on the server at `adminUrl` (CI: DATABASE_URL), dropped with `drop()`. */
export async function createServerDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `clicktrail_test_${randomBytes(6).toString('hex')}`;
  const client = await connectTo(adminUrl);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'server',
    connect: () => connectTo(url.toString()),
    async drop() {
      const dropper = await connectTo(adminUrl);
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** An in-memory PGlite behind the embedded socket server on a random port, reached over TCP. */
export async function createPgliteDatabase(): Promise<TestDatabase> {
  const server = await startEmbedded(undefined);
  return {
    url: server.connectionString,
    kind: 'pglite',
    connect: () => connectTo(server.connectionString),
    drop: () => server.stop(),
  };
}

export function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.DATABASE_URL;
  return admin ? createServerDatabase(admin) : createPgliteDatabase();
}

/** Every kind a data layer is tested on: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const DATABASE_KINDS: Array<{
  kind: TestDatabase['kind'];
  create(): Promise<TestDatabase>;
}> = [
  { kind: 'pglite', create: createPgliteDatabase },
  ...(process.env.DATABASE_URL
    ? [{ kind: 'server' as const, create: () => createTestDatabase() }]
    : []),
];

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type EmbeddedServer, startEmbedded } from '../embedded/embedded.js';

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

export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = process.env.DATABASE_URL;
  if (!admin) {
    const server: EmbeddedServer = await startEmbedded(undefined);
    return {
      url: server.connectionString,
      kind: 'pglite',
      connect: () => connectTo(server.connectionString),
      drop: () => server.stop(),
    };
  }
  const name = `clicktrail_test_${randomBytes(6).toString('hex')}`;
  const client = await connectTo(admin);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'server',
    connect: () => connectTo(url.toString()),
    async drop() {
      const dropper = await connectTo(admin);
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

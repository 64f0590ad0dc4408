// TEMPORARY until @clicktrail/warehouse/testing lands: same as the warehouse's helper.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
    const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite-socket'),
    ]);
    const db = await PGlite.create({});
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
    await server.start();
    const { port } = (
      server as unknown as { server: { address(): { port: number } } }
    ).server.address();
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      kind: 'pglite',
      connect: () => connectTo(url),
      async drop() {
        await server.stop();
        await db.close();
      },
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

import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { EmbeddedWarehouseError } from '../errors.js';
import { lockFolder } from './dir-lock.js';

export interface EmbeddedServer {
  connectionString: string;
  stop(): Promise<void>;
}

/**
 * Opens PGlite in `dir` behind pglite-socket on a free loopback port, so the loader talks
 * to it with `pg` exactly as it talks to a server. Imported lazily: the Lambda never needs it.
 * pglite-socket multiplexes every connection onto PGlite's single session, and one folder
 * must be opened by one process at a time.
 */
export async function startEmbedded(dir: string | undefined): Promise<EmbeddedServer> {
  const [{ PGlite }, { PGLiteSocketServer }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite-socket'),
  ]);
  let unlock: () => Promise<void> = async () => undefined;
  if (dir) {
    await mkdir(dir, { recursive: true });
    unlock = await lockFolder(dir);
  }
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dir ? { dataDir: dir } : {});
  } catch (error) {
    await unlock();
    throw new EmbeddedWarehouseError(
      `cannot open PGlite in ${dir ?? 'memory'}: ${(error as Error).message}`,
    );
  }
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
      await unlock();
    },
  };
}

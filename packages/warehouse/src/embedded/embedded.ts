import { mkdir } from 'node:fs/promises';
import { EmbeddedWarehouseError } from '../errors.js';
import { staleLockMessage, tryLockFolder } from './dir-lock.js';
import { serveSocket } from './socket-server.js';

export interface EmbeddedServer {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';
export const embeddedUrl = (port: number): string =>
  `postgres://postgres@${LOOPBACK}:${port}/postgres`;

/**
 * Opens PGlite in `dir` (in memory when undefined) behind a loopback socket on `port`
 * (0: any free port). The caller holds the folder's lock; `release` runs after PGlite closes.
 * Imported lazily: the Lambda never loads PGlite.
 */
export async function openPglite(
  dir: string | undefined,
  port: number,
  release: () => Promise<void> = async () => undefined,
): Promise<EmbeddedServer> {
  const { PGlite } = await import('@electric-sql/pglite');
  let db: InstanceType<typeof PGlite>;
  try {
    db = await PGlite.create(dir ? { dataDir: dir } : {});
  } catch (error) {
    await release();
    throw new EmbeddedWarehouseError(
      `cannot open PGlite in ${dir ?? 'memory'}: ${(error as Error).message}`,
    );
  }
  let socket: Awaited<ReturnType<typeof serveSocket>>;
  try {
    socket = await serveSocket(db, LOOPBACK, port);
  } catch (error) {
    await db.close();
    await release();
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmbeddedWarehouseError(
      code === 'EADDRINUSE'
        ? `port ${port} on ${LOOPBACK} is taken by another program; set CLICKTRAIL_PG_PORT to a free port`
        : `cannot listen on ${LOOPBACK}:${port}: ${(error as Error).message}`,
    );
  }
  return {
    connectionString: embeddedUrl(socket.port),
    port: socket.port,
    async stop() {
      await socket.stop();
      await db.close();
      await release();
    },
  };
}

/**
 * Opens the folder for this process alone (or an in-memory database), refusing a folder
 * another process holds. Tests use it with `undefined`; shared use goes through
 * `ensureEmbeddedServer`.
 */
export async function startEmbedded(dir: string | undefined, port = 0): Promise<EmbeddedServer> {
  if (!dir) return openPglite(undefined, port);
  await mkdir(dir, { recursive: true });
  const lock = await tryLockFolder(dir, port);
  if (lock.kind === 'stale') throw new EmbeddedWarehouseError(staleLockMessage(dir, lock));
  if (lock.kind === 'held') {
    throw new EmbeddedWarehouseError(
      `the embedded warehouse ${dir} is open in process ${lock.pid}; connect to it on port ${lock.port}, or use a PostgreSQL server (DATABASE_URL)`,
    );
  }
  return openPglite(dir, port, lock.unlock);
}

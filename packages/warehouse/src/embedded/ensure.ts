import { mkdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import pg from 'pg';
import { EmbeddedWarehouseError } from '../errors.js';
import { DEFAULT_PG_PORT } from '../settings.js';
import { type LockHolder, processAlive, staleLockMessage, tryLockFolder } from './dir-lock.js';
import { type EmbeddedServer, embeddedUrl, LOOPBACK, openPglite } from './embedded.js';

export interface EnsureOptions {
  dir: string;
  port?: number;
  /** How long to wait for a server another process is starting (default 30 s). */
  waitMs?: number;
  /**
   * Take over a lock whose process is gone instead of refusing, for a caller that knows no
   * one else can use the folder (the stack, which holds its data folder's own lock).
   * PostgreSQL's crash recovery runs as the folder opens, as after any crash.
   */
  takeOverStaleLock?: boolean;
}

export interface SharedServer {
  connectionString: string;
  port: number;
  /** true when this process runs the server; it then serves until every `release`. */
  startedHere: boolean;
  /** The pid of the dead process whose stale lock was taken over, if one was. */
  tookOverFrom?: number;
  /** Gives up this use; the last use in the process that started it stops the server. */
  release(): Promise<void>;
}

interface Running {
  server: EmbeddedServer;
  uses: number;
}
const runningHere = new Map<string, Promise<Running>>();

/** Fails fast, before opening PGlite (seconds), when another program has the port. */
function portFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new EmbeddedWarehouseError(
          `port ${port} on ${LOOPBACK} is taken by another program; set CLICKTRAIL_PG_PORT to a free port`,
        ),
      ),
    );
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve()));
  });
}

async function answers(port: number): Promise<boolean> {
  const client = new pg.Client({
    connectionString: embeddedUrl(port),
    connectionTimeoutMillis: 2000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Waits for the holder's server to answer (it may still be opening PGlite). */
async function waitForHolder(dir: string, holder: LockHolder, waitMs: number): Promise<number> {
  const until = Date.now() + waitMs;
  while (holder.port > 0) {
    if (await answers(holder.port)) return holder.port;
    if (!processAlive(holder.pid) || Date.now() > until) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new EmbeddedWarehouseError(
    `the embedded warehouse ${dir} is held by process ${holder.pid}, but nothing answers on port ${holder.port || '(unknown)'}. ` +
      `If that process is not Clicktrail's, delete ${holder.path} and start again`,
  );
}

/**
 * The one embedded PostgreSQL for `dir`, shared by every local process: the first to come
 * starts PGlite behind a socket on `port` and records itself in the folder's lock file;
 * later ones (in this process or another) get the same connection string. A lock left by
 * a process that died is reported with how to clear it, and taken over only when
 * `takeOverStaleLock` says the caller owns the folder.
 */
export async function ensureEmbeddedServer(options: EnsureOptions): Promise<SharedServer> {
  const dir = resolve(options.dir);
  const port = options.port ?? DEFAULT_PG_PORT;
  const mine = runningHere.get(dir);
  if (mine) {
    const running = await mine;
    running.uses += 1;
    return shared(dir, running);
  }
  await mkdir(dir, { recursive: true });
  let lock = await tryLockFolder(dir, port);
  let tookOverFrom: number | undefined;
  if (lock.kind === 'stale' && options.takeOverStaleLock) {
    tookOverFrom = lock.pid;
    await rm(lock.path, { force: true });
    lock = await tryLockFolder(dir, port);
  }
  if (lock.kind === 'stale') throw new EmbeddedWarehouseError(staleLockMessage(dir, lock));
  if (lock.kind === 'held') {
    const holderPort = await waitForHolder(dir, lock, options.waitMs ?? 30_000);
    return {
      connectionString: embeddedUrl(holderPort),
      port: holderPort,
      startedHere: false,
      release: async () => undefined,
    };
  }
  const starting = portFree(port)
    .then(
      () => openPglite(dir, port, lock.unlock),
      async (error) => {
        await lock.unlock();
        throw error;
      },
    )
    .then((server) => ({ server, uses: 1 }));
  runningHere.set(dir, starting);
  try {
    return { ...shared(dir, await starting), tookOverFrom };
  } catch (error) {
    runningHere.delete(dir);
    throw error;
  }
}

function shared(dir: string, running: Running): SharedServer {
  let released = false;
  return {
    connectionString: running.server.connectionString,
    port: running.server.port,
    startedHere: true,
    async release() {
      if (released) return;
      released = true;
      running.uses -= 1;
      if (running.uses > 0) return;
      runningHere.delete(dir);
      await running.server.stop();
    },
  };
}

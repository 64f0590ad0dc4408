import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../testing/free-port.js';
import { PGLITE_LOCK_FILE } from './dir-lock.js';
import { ensureEmbeddedServer } from './ensure.js';

const packageDir = join(import.meta.dirname, '..', '..');
let cli: string;
beforeAll(async () => {
  // Inside the package's node_modules, so the bundle resolves its externals (pg, PGlite).
  const outdir = join(packageDir, 'node_modules', '.cache', 'clicktrail-warehouse-cli');
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: [join(packageDir, 'src', 'cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    logLevel: 'warning',
    external: ['pg', 'pg-native', '@electric-sql/*'],
  });
  cli = join(outdir, 'cli.js');
});

/** `clicktrail-warehouse serve` in a child: another local process owning the server. */
async function serveInChild(dir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'serve', '--dir', dir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: child.stdout! }), 'line')) as [string];
  expect(JSON.parse(line)).toMatchObject({ status: 'serving' });
  return child;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('ensureEmbeddedServer', () => {
  // Opens PGlite twice (in the child, then here): seconds each on a busy machine.
  it('connects to the server another process runs, and serves the folder once it stopped', {
    timeout: 180_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clicktrail-dw-'));
    const port = await freeLoopbackPort();
    const child = await serveInChild(dir, port);
    const joined = await ensureEmbeddedServer({ dir, port });
    expect(joined).toMatchObject({ startedHere: false, port });
    await query(
      joined.connectionString,
      'CREATE TABLE kept (n integer); INSERT INTO kept VALUES (7)',
    );
    child.kill('SIGTERM');
    await once(child, 'exit');
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);

    const first = await ensureEmbeddedServer({ dir, port });
    const second = await ensureEmbeddedServer({ dir, port });
    expect([first.startedHere, second.startedHere]).toEqual([true, true]);
    expect(await query(first.connectionString, 'SELECT n FROM kept')).toEqual([{ n: 7 }]);
    await first.release();
    expect(await query(second.connectionString, 'SELECT count(*)::int AS n FROM kept')).toEqual([
      { n: 1 },
    ]);
    await second.release();
    expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
  });

  it('reports a lock left by a process that died, with the file to delete', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clicktrail-dw-'));
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    await writeFile(join(dir, PGLITE_LOCK_FILE), JSON.stringify({ pid: dead.pid, port: 1 }));
    await expect(ensureEmbeddedServer({ dir, port: await freeLoopbackPort() })).rejects.toThrow(
      `has a stale lock: process ${dead.pid} that held it is gone (it did not shut down cleanly). If no Clicktrail process uses ${dir}, delete ${join(dir, PGLITE_LOCK_FILE)}`,
    );
  });

  it('takes over a lock left by a process that died when told to (the stack owns the folder)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clicktrail-dw-'));
    const dead = spawn(process.execPath, ['-e', '']);
    await once(dead, 'exit');
    await writeFile(join(dir, PGLITE_LOCK_FILE), JSON.stringify({ pid: dead.pid, port: 1 }));
    const server = await ensureEmbeddedServer({
      dir,
      port: await freeLoopbackPort(),
      takeOverStaleLock: true,
    });
    try {
      expect(server.startedHere).toBe(true);
      expect(server.tookOverFrom).toBe(dead.pid);
      const client = new pg.Client({ connectionString: server.connectionString });
      await client.connect();
      expect((await client.query('SELECT 1 AS one')).rows[0]?.one).toBe(1);
      await client.end();
    } finally {
      await server.release();
    }
  });

  it('says which setting to change when another program has the port', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clicktrail-dw-'));
    const other = createServer().listen(0, '127.0.0.1');
    await once(other, 'listening');
    const { port } = other.address() as { port: number };
    try {
      await expect(ensureEmbeddedServer({ dir, port })).rejects.toThrow(
        `port ${port} on 127.0.0.1 is taken by another program; set CLICKTRAIL_PG_PORT`,
      );
      expect(existsSync(join(dir, PGLITE_LOCK_FILE))).toBe(false);
    } finally {
      other.close();
    }
  });
});

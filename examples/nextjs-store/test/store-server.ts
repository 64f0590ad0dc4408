import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@clicktrail/warehouse/testing';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time under the app's sources, to tell whether .next is stale. */
function newestSource(dir: string): number {
  if (!existsSync(dir)) return 0; // public/ is made by the build itself
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * `pnpm build` unless a production build newer than every source file exists (CI's setup has
 * just built it). The build holds no settings: the endpoint, database and pool are read at
 * request time, so one build serves every test.
 */
export function ensureProductionBuild(): void {
  const buildId = join(ROOT, '.next', 'BUILD_ID');
  const sources = Math.max(...['app', 'src', 'public'].map((d) => newestSource(join(ROOT, d))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return;
  execFileSync('pnpm', ['run', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

export interface StoreServer {
  url: string;
  stop(): Promise<void>;
}

/** `pnpm start` on a random port with the given environment; resolves once it answers. */
export async function startStore(env: Record<string, string>): Promise<StoreServer> {
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/start.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!log.includes('nextjs-store ready')) {
    if (child.exitCode !== null) throw new Error(`the store exited ${child.exitCode}: ${log}`);
    if (Date.now() > deadline) throw new Error(`the store did not start in 120 s: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { freeStackPorts, type RunningStack, type StackPorts, startStack } from './stack-process.js';

const STORE_BUILD = fileURLToPath(
  new URL('../../../../examples/nextjs-store/.next/BUILD_ID', import.meta.url),
);

/** A stack started for one test file: its own data folder, ports and database. */
export interface TestStack {
  stack: RunningStack;
  ports: StackPorts;
  dataDir: string;
  /** Its own database on DATABASE_URL's server (CI), or null: the stack's embedded PGlite. */
  server: TestDatabase | null;
  /** The environment it was started with, to start it again. */
  env: Record<string, string | undefined>;
  /** Stops the stack (if it still runs), drops its database and deletes its data. */
  stop(): Promise<void>;
}

/**
 * `clicktrail-stack` as `npm run demo` starts it, with the ETL every 2 s, once its banner's
 * last line is out (everything above it has been printed too). `needsStore`: fail at once,
 * naming the fix, when the store has no production build (the stack would serve its stand-in).
 */
export async function startTestStack(options: {
  appId: string;
  needsStore?: boolean;
  env?: Record<string, string>;
}): Promise<TestStack> {
  if (options.needsStore && !existsSync(STORE_BUILD)) {
    throw new Error('examples/nextjs-store has no production build: run `pnpm -r build` first');
  }
  const dataDir = await mkdtemp(join(tmpdir(), `clicktrail-${options.appId}-`));
  const ports = await freeStackPorts();
  const adminUrl = process.env.DATABASE_URL;
  const server = adminUrl ? await createServerDatabase(adminUrl) : null;
  const env = {
    ...ports,
    CLICKTRAIL_DATA_DIR: dataDir,
    ETL_EVERY_SECONDS: '2',
    DATABASE_URL: server?.url ?? '',
    CLICKTRAIL_APP_ID: options.appId,
    ...options.env,
  };
  const stack = startStack(env);
  const stop = async () => {
    if (stack.child.exitCode === null) {
      stack.child.kill('SIGTERM');
      await stack.exited;
    }
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await stack.waitFor(/^ {2}data {7}/, 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { stack, ports, dataDir, server, env, stop };
}

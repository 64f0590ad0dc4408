import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitForHttp } from '../health.js';
import type { ServiceDefinition } from '../service.js';
import type { StackSettings } from '../settings.js';
import type { DemoPool } from './demo-pool.js';

export const storeDir = (settings: StackSettings): string =>
  join(settings.root, 'examples', 'nextjs-store');

/** Whether the Next.js store has a production build to start (setup builds it). */
export const storeIsBuilt = (settings: StackSettings): boolean =>
  existsSync(join(storeDir(settings), '.next', 'BUILD_ID'));

/** Runs `script` from the store's node_modules/.bin to the end; rejects with its output on failure. */
function runToEnd(settings: StackSettings, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: storeDir(settings),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`store seed failed (exit ${code}): ${output.slice(-500)}`)),
    );
  });
}

/**
 * The Next.js store (`next start`) on the store port, seeded first (the seed is idempotent:
 * existing stock is never reset), pointed at ingest, the OLTP schema and the demo pool.
 */
export function storeService(
  settings: StackSettings,
  ingestUrl: string,
  databaseUrl: string,
  pool: DemoPool | null,
): ServiceDefinition {
  const { port } = settings.ports.store;
  const dir = storeDir(settings);
  const cognito = pool
    ? {
        COGNITO_USER_POOL_ID: pool.userPoolId,
        COGNITO_CLIENT_ID: pool.clientId,
        COGNITO_ENDPOINT: pool.endpoint,
      }
    : {};
  const env = {
    ...settings.env,
    DATABASE_URL: databaseUrl,
    NEXT_PUBLIC_CLICKTRAIL_ENDPOINT: ingestUrl,
    NEXT_PUBLIC_CLICKTRAIL_APP_ID: settings.appId,
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(port),
    ...cognito,
  };
  return {
    name: 'store',
    port: settings.ports.store,
    prepare: () =>
      runToEnd(
        settings,
        [join(dir, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/seed.ts'],
        env,
      ),
    command: {
      command: process.execPath,
      args: [
        join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'),
        'start',
        '--port',
        String(port),
        '--hostname',
        '127.0.0.1',
      ],
      cwd: dir,
      env,
    },
    ready: (output) =>
      waitForHttp(`http://127.0.0.1:${port}/`, {
        timeoutMs: 90_000,
        accept: (status) => status < 500,
        abort: output.exited,
      }),
    announce: {
      url: `http://localhost:${port}`,
      detail: 'the Next.js store, recording with the SDK',
    },
  };
}

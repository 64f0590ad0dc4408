// The stack as `npm run demo` starts it (the built supervisor), on free ports and a scratch
// data folder, with the demo's embedded defaults (no DATABASE_URL).
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STACK_BIN = fileURLToPath(new URL('../../bin/clicktrail-stack.js', import.meta.url));

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** Starts the stack; resolves once its banner's last line is printed. */
export async function startStack({ etlEverySeconds, appId }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'clicktrail-bench-'));
  const ports = {
    STORE_PORT: await freePort(),
    INGEST_PORT: await freePort(),
    DASHBOARD_PORT: await freePort(),
    COGNITO_PORT: await freePort(),
    CLICKTRAIL_PG_PORT: await freePort(),
  };
  const env = { ...process.env, DATABASE_URL: '', DWH_HOST: '' };
  for (const [key, value] of Object.entries(ports)) env[key] = String(value);
  Object.assign(env, {
    CLICKTRAIL_DATA_DIR: dataDir,
    ETL_EVERY_SECONDS: String(etlEverySeconds),
    CLICKTRAIL_APP_ID: appId,
    // Headless Chromium is a bot to the SDK: the click bench wants its events.
    NEXT_PUBLIC_CLICKTRAIL_TRACK_BOTS: '1',
  });
  const started = Date.now();
  const child = spawn(process.execPath, [STACK_BIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (/\n {2}data {7}/.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`the stack exited before it was ready:\n${output}`)));
  });
  return {
    dataDir,
    ports,
    startMs: Date.now() - started,
    storeUrl: `http://127.0.0.1:${ports.STORE_PORT}`,
    ingestUrl: `http://127.0.0.1:${ports.INGEST_PORT}/clickstream`,
    dashboardUrl: `http://127.0.0.1:${ports.DASHBOARD_PORT}`,
    databaseUrl: `postgres://postgres@127.0.0.1:${ports.CLICKTRAIL_PG_PORT}/postgres`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

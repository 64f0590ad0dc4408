import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '@clicktrail/warehouse/testing';

const BIN = fileURLToPath(new URL('../node_modules/.bin/cognito-local', import.meta.url));

export interface CognitoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** cognito-local on a random port with an empty data folder, as the local stack runs it. */
export async function startCognitoLocal(): Promise<CognitoLocal> {
  const dir = await mkdtemp(join(tmpdir(), 'store-cognito-'));
  const port = await freeLoopbackPort();
  const child: ChildProcess = spawn(BIN, [], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk) => {
    log += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    log += chunk;
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cognito-local exited ${child.exitCode}: ${log}`);
    const up = await fetch(`${endpoint}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`cognito-local did not answer in 90 s: ${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    endpoint,
    async stop() {
      child.kill();
      await new Promise((r) => child.once('exit', r));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

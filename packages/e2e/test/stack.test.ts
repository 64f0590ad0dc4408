import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningStack, type StackPorts, startStack } from './support/stack-process.js';
import { startTestStack, type TestStack } from './support/test-stack.js';
import { runTraffic, runVerify } from './support/traffic.js';

let running: TestStack;
let dataDir: string;
let ports: StackPorts;
let stack: RunningStack;
let env: Record<string, string | undefined>;
let truthFile: string;

const portIsServed = async (port: string) => {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  running = await startTestStack({ appId: 'stack-e2e' });
  ({ stack, ports, dataDir, env } = running);
}, 300_000);

afterAll(() => running?.stop());

describe('the stack npm run demo starts', () => {
  it('announces every part with its URL and the demo login', () => {
    const out = stack.output();
    expect(out).toContain(`http://localhost:${ports.INGEST_PORT}/clickstream`);
    expect(out).toContain(`http://localhost:${ports.DASHBOARD_PORT}`);
    expect(out).toContain(`http://localhost:${ports.STORE_PORT}`);
    expect(out).toContain('demo login demo@clicktrail.local / Demo-shopper-1');
  });

  it('refuses a second start on the same data with a clear message, and the first keeps running', async () => {
    const lockBefore = await readFile(join(dataDir, 'stack.lock'), 'utf8');
    const second = startStack(env);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Clicktrail is already running from ${dataDir}`);
    expect(second.output()).toContain('nothing was started and its data is untouched');
    expect(await readFile(join(dataDir, 'stack.lock'), 'utf8')).toBe(lockBefore);
    const health = await fetch(`http://127.0.0.1:${ports.INGEST_PORT}/health`);
    expect(health.status).toBe(200);
  });

  it('shows simulated traffic on the dashboard exactly: headline figures, funnel, product views', async () => {
    const traffic = await runTraffic(`http://127.0.0.1:${ports.INGEST_PORT}/clickstream`, dataDir, {
      seed: 9,
      visitors: 25,
      days: 3,
      appId: 'stack-e2e',
    });
    truthFile = join(dataDir, 'truth-9.json');
    expect(traffic.ledger.app_id).toBe('stack-e2e');
    await stack.waitFor(/\[etl\] loaded \d+ rows/, 90_000);
    const verify = await runVerify(truthFile, `http://127.0.0.1:${ports.DASHBOARD_PORT}`, [
      'headline',
      'funnel',
      'product-views',
    ]);
    expect(verify.output).not.toContain('DIFFERS');
    expect(verify.code, verify.output).toBe(0);
  });

  // The SDK's purchases carry their lines in `items`, not a product context: each product's
  // purchases, units and revenue come from those lines.
  it('shows each product its purchases, units and revenue from purchase items', async () => {
    const verify = await runVerify(truthFile, `http://127.0.0.1:${ports.DASHBOARD_PORT}`, [
      'product-purchases',
    ]);
    expect(verify.code, verify.output).toBe(0);
  });

  it('stops every part on SIGTERM: exit 0, no port still served, the lock gone', async () => {
    stack.child.kill('SIGTERM');
    expect(await stack.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await portIsServed(port)).toBe(false);
    expect(existsSync(join(dataDir, 'stack.lock'))).toBe(false);
  });
});

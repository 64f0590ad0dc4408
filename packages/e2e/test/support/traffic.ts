import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Ledger } from '@clicktrail/traffic';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const TRAFFIC_BIN = `${root}packages/traffic/bin/clicktrail-traffic.js`;
const VERIFY_BIN = `${root}packages/traffic/bin/clicktrail-verify.js`;

export interface TrafficRun {
  ledger: Ledger;
  /** Its last output line: requests, retries, events accepted. */
  report: string;
  retries: number;
}

const options = (run: { seed: number; visitors: number; days: number; appId: string }) => [
  '--seed',
  String(run.seed),
  '--visitors',
  String(run.visitors),
  '--days',
  String(run.days),
  '--app-id',
  run.appId,
];

/** Runs `clicktrail-traffic` with `args`, its ledger written to `truth`; rejects with its output. */
async function runTrafficCli(args: string[], truth: string) {
  const { stdout } = await promisify(execFile)(process.execPath, [
    TRAFFIC_BIN,
    ...args,
    '--truth',
    truth,
  ]);
  const ledger = JSON.parse(await readFile(truth, 'utf8')) as Ledger;
  return { ledger, report: stdout.trim().split('\n').at(-1) ?? '' };
}

/** `clicktrail-traffic --via ingest` into `endpoint`, with its ledger written to `dir`. */
export async function runTraffic(
  endpoint: string,
  dir: string,
  run: { seed: number; visitors: number; days: number; appId: string },
): Promise<TrafficRun> {
  const { ledger, report } = await runTrafficCli(
    ['--via', 'ingest', '--endpoint', endpoint, ...options(run)],
    join(dir, `truth-${run.seed}.json`),
  );
  return { ledger, report, retries: Number(/\((\d+) retried/.exec(report)?.[1] ?? 0) };
}

/**
 * `clicktrail-traffic --via browser` through the store at `origin` (recording into `endpoint`),
 * with its ledger written to `dir`; rejects with its output when it fails.
 */
export function runBrowserTraffic(
  store: { origin: string; endpoint: string; databaseUrl: string },
  dir: string,
  run: { seed: number; visitors: number; days: number; appId: string },
): Promise<{ ledger: Ledger; report: string }> {
  return runTrafficCli(
    [
      '--via',
      'browser',
      '--origin',
      store.origin,
      '--endpoint',
      store.endpoint,
      '--database-url',
      store.databaseUrl,
      ...options(run),
    ],
    join(dir, `truth-browser-${run.seed}.json`),
  );
}

/** The ledger's figures for its whole history (the range spanning from..to). */
export function wholeHistory(ledger: Ledger) {
  const whole = ledger.ranges.find((r) => r.from === ledger.from && r.to === ledger.to);
  if (!whole) throw new Error('the ledger has no range over its whole history');
  return whole;
}

/** `clicktrail-verify`: exit code and its table. */
export async function runVerify(
  truthFile: string,
  dashboard: string,
  figures?: string[],
): Promise<{ code: number; output: string }> {
  const only = figures ? ['--figures', figures.join(',')] : [];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [
      VERIFY_BIN,
      '--truth',
      truthFile,
      '--dashboard',
      dashboard,
      ...only,
    ]);
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freeLoopbackPort } from '@clicktrail/warehouse/testing';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const INGEST_BIN = `${root}packages/ingest-lambda/bin/clicktrail-ingest.js`;
const ETL_BIN = `${root}packages/etl-lambda/bin/clicktrail-etl.js`;

export interface RunningIngest {
  url: string;
  port: number;
  /** Stops it; resolves once the process has exited (its port is free again). */
  stop(): Promise<void>;
}

/**
 * `clicktrail-ingest serve` on a free port (or `port`, to restart one where it was), as a
 * user starts it; resolves once it listens.
 */
export async function startIngest(
  rawDir: string,
  origin: string,
  port = 0,
): Promise<RunningIngest> {
  const child: ChildProcess = spawn(
    process.execPath,
    [INGEST_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1', '--raw-dir', rawDir],
    { env: { ...process.env, ALLOWED_ORIGINS: origin }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const message = JSON.parse(line) as { msg?: string; url?: string };
    if (message.msg === 'listening' && message.url) {
      lines.removeAllListeners();
      child.stdout?.on('data', (d) => process.env.E2E_DEBUG && process.stderr.write(d));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      return {
        url: message.url,
        port: Number(new URL(message.url).port),
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      };
    }
  }
  throw new Error('clicktrail-ingest exited before it listened');
}

export interface EtlSummary {
  objects: number;
  rows_loaded: number;
  duplicates: number;
  quarantined: number;
}

/** `clicktrail-etl run`; returns the one-line JSON summary it prints last. */
export async function runEtl(args: string[], cwd: string): Promise<EtlSummary> {
  const { stdout } = await promisify(execFile)(process.execPath, [ETL_BIN, 'run', ...args], {
    cwd,
    // Embedded runs serve the warehouse on a free port, never the demo's fixed one.
    env: { ...process.env, DATABASE_URL: '', CLICKTRAIL_PG_PORT: String(await freeLoopbackPort()) },
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as EtlSummary;
}

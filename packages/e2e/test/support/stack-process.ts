import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const STACK_BIN = `${root}packages/stack/bin/clicktrail-stack.js`;

/** A port nothing listens on right now (the stack checks again before it binds). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export interface StackPorts {
  STORE_PORT: string;
  INGEST_PORT: string;
  DASHBOARD_PORT: string;
  COGNITO_PORT: string;
  CLICKTRAIL_PG_PORT: string;
}

export async function freeStackPorts(): Promise<StackPorts> {
  return {
    STORE_PORT: String(await freePort()),
    INGEST_PORT: String(await freePort()),
    DASHBOARD_PORT: String(await freePort()),
    COGNITO_PORT: String(await freePort()),
    CLICKTRAIL_PG_PORT: String(await freePort()),
  };
}

export interface RunningStack {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number>;
  /** Resolves with the first output line that `match` accepts. */
  waitFor(match: RegExp, timeoutMs: number): Promise<string>;
}

/** `clicktrail-stack` as `npm run demo` starts it, with `env` over this process's. */
export function startStack(env: Record<string, string | undefined>): RunningStack {
  const child = spawn(process.execPath, [STACK_BIN], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    if (process.env.E2E_DEBUG) process.stderr.write(chunk);
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  return {
    child,
    output: () => text,
    exited,
    waitFor(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split('\n').find((l) => match.test(l));
          if (line === undefined) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve(line);
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(
            new Error(`no line matching ${match} within ${timeoutMs / 1000} s; output:\n${text}`),
          );
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          listeners.delete(check);
          clearTimeout(timer);
          reject(new Error(`the stack exited before ${match}; output:\n${text}`));
        });
        check();
      });
    },
  };
}

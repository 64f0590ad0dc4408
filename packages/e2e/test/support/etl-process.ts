import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const ETL_BIN = `${root}packages/etl-lambda/bin/clicktrail-etl.js`;

/**
 * Starts `clicktrail-etl run` and kills it with SIGKILL (no cleanup, as a crash or an OOM
 * kill would) at the first progress line it prints (2 s into the run, while it loads or
 * derives), or once `loading` says so. `finished` tells whether it printed its summary anyway.
 */
export function killEtlMidRun(
  args: string[],
  cwd: string,
  /** Also kill once this answers true (polled every 50 ms), e.g. once rows appear. */
  loading?: () => Promise<boolean>,
): Promise<{ killed: boolean; finished: boolean; stderr: string }> {
  const child = spawn(process.execPath, [ETL_BIN, 'run', ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let killed = false;
  // The summary line is the run's last act: a run killed mid-way never prints it.
  let finished = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.includes('"run_id"')) finished = true;
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    if (/ objects, \d+ rows/.test(line)) kill();
  });
  const kill = () => {
    if (killed) return;
    killed = true;
    child.kill('SIGKILL');
  };
  const poll = setInterval(() => {
    void loading?.().then(
      (yes) => yes && kill(),
      () => undefined,
    );
  }, 50);
  if (!loading) clearInterval(poll);
  return new Promise((resolve) =>
    child.once('exit', () => {
      clearInterval(poll);
      resolve({ killed, finished, stderr });
    }),
  );
}

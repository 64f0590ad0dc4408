// Time from a clean clone to a running stack: `git clone` of this repository's HEAD into a
// scratch folder, then `npm run demo` there (pnpm install, every build, the supervisor) until
// the banner's last line; then Ctrl-C (SIGINT to its process group) and the folder is removed.
// Prints each phase and the total. Run it on a quiet machine; wrap it in /usr/bin/time -v for
// the CPU and memory the whole thing took. Options: --repo PATH (default this checkout).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const at = process.argv.indexOf('--repo');
const repo = at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('../../../', import.meta.url));
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const scratch = await mkdtemp(join(tmpdir(), 'clicktrail-clone-'));
const clone = join(scratch, 'clicktrail');
const t0 = Date.now();
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
try {
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  const cloned = Date.now();
  const env = { ...process.env, DATABASE_URL: '', CI: '', NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of [
    'STORE_PORT',
    'INGEST_PORT',
    'DASHBOARD_PORT',
    'COGNITO_PORT',
    'CLICKTRAIL_PG_PORT',
  ])
    env[name] = String(await freePort());
  const demo = spawn('npm', ['run', 'demo'], {
    cwd: clone,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const marks = {};
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      if (!marks.build && output.includes('building every package')) marks.build = Date.now();
      if (!marks.stack && output.includes('[stack] starting')) marks.stack = Date.now();
      if (/\n {2}data {7}/.test(output)) resolve();
    };
    demo.stdout.on('data', onData);
    demo.stderr.on('data', onData);
    demo.once('exit', (code) =>
      reject(new Error(`npm run demo exited ${code}:\n${output.slice(-2000)}`)),
    );
  });
  const running = Date.now();
  const exited = new Promise((resolve) => demo.once('exit', resolve));
  process.kill(-demo.pid, 'SIGINT');
  await exited;
  console.info(`git clone                      ${s(cloned - t0)}`);
  console.info(`pnpm install (npm run demo)    ${s((marks.build ?? running) - cloned)}`);
  console.info(
    `builds                         ${s((marks.stack ?? running) - (marks.build ?? cloned))}`,
  );
  console.info(`stack start to banner          ${s(running - (marks.stack ?? running))}`);
  console.info(`clean clone to running stack   ${s(running - t0)}`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}

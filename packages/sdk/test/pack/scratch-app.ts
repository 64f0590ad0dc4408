import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SDK_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The workspace's TypeScript, so the scratch app needs nothing but the tarball. */
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

export interface ScratchApp {
  dir: string;
  /** Files `npm pack` put in the tarball, relative to the package root. */
  packed: string[];
  write(file: string, text: string): Promise<void>;
  /** Runs a file of the app with Node; rejects on a non-zero exit. */
  node(file: string): Promise<{ stdout: string; stderr: string }>;
  tsc(project: string): Promise<{ stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

interface PackResult {
  filename: string;
  files: { path: string }[];
}

/**
 * Packs packages/sdk as npm would publish it and installs the tarball with npm in a new app
 * under the OS temp folder, outside the pnpm workspace, so nothing resolves from the repo.
 */
export async function createScratchApp(): Promise<ScratchApp> {
  const root = await mkdtemp(join(tmpdir(), 'clicktrail-pack-'));
  const dir = join(root, 'app');
  await mkdir(dir);
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', root], {
    cwd: SDK_DIR,
  });
  const [pack] = JSON.parse(stdout) as PackResult[];
  if (!pack) throw new Error(`npm pack printed no result: ${stdout.slice(0, 200)}`);
  const app = { name: 'clicktrail-scratch-app', version: '1.0.0', private: true };
  await writeFile(join(dir, 'package.json'), JSON.stringify(app));
  await run('npm', ['install', join(root, pack.filename), '--no-audit', '--no-fund'], {
    cwd: dir,
  });
  const options = { cwd: dir, timeout: 20_000 };
  return {
    dir,
    packed: pack.files.map((file) => file.path),
    write: (file, text) => writeFile(join(dir, file), text),
    node: (file) => run(process.execPath, [file], options),
    tsc: (project) => run(process.execPath, [TSC, '-p', project], options),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

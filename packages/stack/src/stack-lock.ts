import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What a running supervisor writes beside its data, for a second start and for cleanup. */
export interface StackLockFile {
  pid: number;
  started_at: string;
  urls: Record<string, string>;
  /** Process-group leaders it started, so a start after a crash can stop what was left. */
  groups: number[];
}

/** Another supervisor already runs on the same data folder. */
export class StackAlreadyRunningError extends Error {
  override name = 'StackAlreadyRunningError';
  constructor(
    readonly holder: StackLockFile,
    dataDir: string,
  ) {
    const urls = Object.entries(holder.urls)
      .map(([name, url]) => `\n  ${name.padEnd(10)} ${url}`)
      .join('');
    super(
      `Clicktrail is already running from ${dataDir} (process ${holder.pid}, since ${holder.started_at}).` +
        `${urls ? `\nIt serves:${urls}` : ''}\nUse that one, or stop it first (Ctrl-C in its terminal, or kill ${holder.pid}); ` +
        'nothing was started and its data is untouched.',
    );
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

export interface StackLock {
  path: string;
  /** Rewrites the file with what the supervisor runs now. */
  update(contents: Omit<StackLockFile, 'pid' | 'started_at'>): Promise<void>;
  release(): Promise<void>;
}

/**
 * Takes `<dataDir>/stack.lock` with an exclusive create. A lock held by a live process is
 * refused; a lock left by a dead one is taken over after stopping the process groups it
 * names that still run (a supervisor killed with SIGKILL cannot stop its children itself):
 * SIGTERM first, so the embedded warehouse closes its folder cleanly, SIGKILL after 5 s.
 */
export async function takeStackLock(
  dataDir: string,
  onLeftover: (pid: number) => void = () => undefined,
): Promise<StackLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'stack.lock');
  const startedAt = new Date().toISOString();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      const initial: StackLockFile = {
        pid: process.pid,
        started_at: startedAt,
        urls: {},
        groups: [],
      };
      await file.writeFile(JSON.stringify(initial));
      await file.close();
      return {
        path,
        update: (contents) =>
          writeFile(path, JSON.stringify({ pid: process.pid, started_at: startedAt, ...contents })),
        release: () => rm(path, { force: true }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(path);
      // A file being written by a starting supervisor is empty for a moment: retry.
      if (holder === null) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if ((await readHolder(path)) === null) await rm(path, { force: true });
        continue;
      }
      if (holder.pid !== process.pid && alive(holder.pid)) {
        throw new StackAlreadyRunningError(holder, dataDir);
      }
      await stopLeftovers(holder.groups.filter(alive), onLeftover);
      await rm(path, { force: true });
    }
  }
  throw new Error(`could not take ${path}`);
}

async function readHolder(path: string): Promise<StackLockFile | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as StackLockFile;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

const signal = (group: number, name: NodeJS.Signals) => {
  try {
    process.kill(-group, name);
  } catch {
    // Gone in between.
  }
};

async function stopLeftovers(groups: number[], onLeftover: (pid: number) => void): Promise<void> {
  for (const group of groups) {
    onLeftover(group);
    signal(group, 'SIGTERM');
  }
  const deadline = Date.now() + 5_000;
  while (groups.some(alive) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (const group of groups) signal(group, 'SIGKILL');
}

import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file's name; any Clicktrail process opening the PGlite folder honours it. */
export const PGLITE_LOCK_FILE = '.clicktrail-pglite.lock';

/** Who holds a folder: the process and the loopback port its server listens on. */
export interface LockHolder {
  pid: number;
  port: number;
  path: string;
}

export type LockAttempt =
  | { kind: 'locked'; unlock(): Promise<void> }
  | ({ kind: 'held' } & LockHolder)
  | ({ kind: 'stale' } & LockHolder);

export const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** `{"pid":1,"port":5433}`; a bare pid (older lock files) has no port. */
function parseHolder(text: string, path: string): LockHolder {
  try {
    const { pid, port } = JSON.parse(text) as { pid?: unknown; port?: unknown };
    return { pid: Number(pid) || 0, port: Number(port) || 0, path };
  } catch {
    return { pid: Number(text) || 0, port: 0, path };
  }
}

/**
 * PGlite's folder must be opened by one process at a time, and PGlite does not check: an
 * exclusive lock file does, naming the holder's pid and port so that a second process can
 * connect to it instead. A file whose process is gone is reported as stale, never taken
 * over silently: the folder may have been left mid-write.
 */
export async function tryLockFolder(dir: string, port: number): Promise<LockAttempt> {
  const path = join(dir, PGLITE_LOCK_FILE);
  try {
    const file = await open(path, 'wx');
    await file.writeFile(JSON.stringify({ pid: process.pid, port }));
    await file.close();
    return { kind: 'locked', unlock: () => rm(path, { force: true }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = parseHolder(await readFile(path, 'utf8').catch(() => ''), path);
  const live = holder.pid > 0 && holder.pid !== process.pid && processAlive(holder.pid);
  return { kind: live ? 'held' : 'stale', ...holder };
}

export const staleLockMessage = (dir: string, holder: LockHolder): string =>
  `the embedded warehouse ${dir} has a stale lock: process ${holder.pid || '?'} that held it is gone ` +
  `(it did not shut down cleanly). If no Clicktrail process uses ${dir}, delete ${holder.path} and start again`;

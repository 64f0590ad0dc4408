import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EmbeddedWarehouseError } from '../errors.js';

/** The lock file's name; any Clicktrail process opening the PGlite folder should honour it. */
export const PGLITE_LOCK_FILE = '.clicktrail-pglite.lock';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * PGlite's folder must be opened by one process at a time, and PGlite does not check.
 * An exclusive pid file does; a file left by a dead process is taken over.
 */
export async function lockFolder(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, PGLITE_LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(String(process.pid));
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path, 'utf8').catch(() => '0'));
      if (holder > 0 && holder !== process.pid && alive(holder)) {
        throw new EmbeddedWarehouseError(
          `the embedded warehouse ${dir} is open in process ${holder}; wait for it, or use a PostgreSQL server (DATABASE_URL)`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new EmbeddedWarehouseError(`could not lock ${dir}`);
}

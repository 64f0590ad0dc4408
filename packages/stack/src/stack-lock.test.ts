import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StackAlreadyRunningError, takeStackLock } from './stack-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clicktrail-stack-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const deadPid = async (): Promise<number> => {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
};

describe('takeStackLock', () => {
  it('refuses a second holder while the first is alive, naming its process and URLs', async () => {
    await writeFile(
      join(dir, 'stack.lock'),
      JSON.stringify({
        pid: process.ppid,
        started_at: 'then',
        urls: { store: 'http://localhost:3000' },
        groups: [],
      }),
    );
    const error = await takeStackLock(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StackAlreadyRunningError);
    expect((error as Error).message).toContain(`process ${process.ppid}`);
    expect((error as Error).message).toContain('http://localhost:3000');
    expect(JSON.parse(await readFile(join(dir, 'stack.lock'), 'utf8')).pid).toBe(process.ppid);
  });

  it('takes over a lock left by a dead supervisor and stops the groups it left running', async () => {
    const leftover = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      detached: true,
    });
    const gone = new Promise((resolve) => leftover.once('exit', resolve));
    await writeFile(
      join(dir, 'stack.lock'),
      JSON.stringify({
        pid: await deadPid(),
        started_at: 'then',
        urls: {},
        groups: [leftover.pid],
      }),
    );
    const stopped: number[] = [];
    const lock = await takeStackLock(dir, (pid) => stopped.push(pid));
    await gone;
    expect(stopped).toEqual([leftover.pid]);
    expect(JSON.parse(await readFile(lock.path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('is free again once released', async () => {
    const first = await takeStackLock(dir);
    await first.release();
    const second = await takeStackLock(dir);
    await second.update({ urls: { ingest: 'x' }, groups: [1] });
    expect(JSON.parse(await readFile(second.path, 'utf8'))).toMatchObject({
      urls: { ingest: 'x' },
      groups: [1],
    });
    await second.release();
  });
});

import { describe, expect, it } from 'vitest';
import { spawnGrouped } from './child-process.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('spawnGrouped', () => {
  it('stops the whole group, a grandchild that ignores SIGTERM included', async () => {
    // The child starts a grandchild that ignores SIGTERM, prints its pid, then waits.
    const script = `
      const { spawn } = require('node:child_process');
      const g = spawn(process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"], { stdio: 'ignore' });
      console.log('grandchild ' + g.pid);
      setInterval(() => {}, 1000);`;
    const lines: string[] = [];
    const child = spawnGrouped(
      { command: process.execPath, args: ['-e', script], cwd: process.cwd(), env: process.env },
      (line) => lines.push(line),
    );
    await expect.poll(() => lines.length, { timeout: 10_000 }).toBe(1);
    const grandchild = Number(lines[0]?.split(' ')[1]);
    expect(alive(grandchild)).toBe(true);
    await child.stop(500);
    await expect.poll(() => alive(grandchild), { timeout: 5_000 }).toBe(false);
    expect(alive(child.pid)).toBe(false);
  });
});

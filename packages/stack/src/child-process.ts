import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How to start one part of the stack as its own process. */
export interface CommandSpec {
  command: string;
  args: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A part running in its own process group, so stopping it stops everything it started. */
export interface GroupedChild {
  pid: number;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves once it has ended. */
  stop(graceMs?: number): Promise<void>;
}

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
};

/**
 * Spawns `spec` as the leader of a new process group (`detached`), with every output line
 * handed to `onLine`. A part that spawns children of its own (next start, pnpm) is then
 * stopped whole: no grandchild is left holding a port.
 */
export function spawnGrouped(
  spec: CommandSpec,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
): GroupedChild {
  const child: ChildProcess = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    env: spec.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${spec.command}`);
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (l) => onLine(l, 'stdout'));
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (l) => onLine(l, 'stderr'));
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 1));
    child.once('error', () => resolve(1));
  });
  return {
    pid,
    exited,
    async stop(graceMs = 5_000) {
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // The leader is gone; anything it left in the group goes too.
      signalGroup(pid, 'SIGKILL');
    },
  };
}

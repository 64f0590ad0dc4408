import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { type GroupedChild, spawnGrouped } from './child-process.js';
import { outputWatch } from './output-watch.js';
import { requirePortFree } from './ports.js';
import type { Announcement, ServiceDefinition } from './service.js';
import type { StackLock } from './stack-lock.js';

interface Running {
  definition: ServiceDefinition;
  child: GroupedChild;
  log: WriteStream;
}

/** A part of the stack ended on its own: the supervisor stops the rest. */
export class PartExitedError extends Error {
  override name = 'PartExitedError';
}

/**
 * Starts parts one after the other, each only once the one before answered its health
 * check, and stops them all (newest first, whole process groups) on `stop()` or when any
 * part ends on its own. Every output line goes to `<logDir>/<part>.log`; the terminal gets
 * only what each part's `show` lets through.
 */
export class Supervisor {
  private readonly running: Running[] = [];
  private stopping: Promise<void> | null = null;
  private failure: ((error: Error) => void) | null = null;
  /** Rejects when a part ends on its own after it was ready. */
  readonly failed: Promise<never>;

  constructor(
    private readonly logDir: string,
    private readonly lock: StackLock,
    private readonly print: (line: string) => void,
  ) {
    mkdirSync(logDir, { recursive: true });
    this.failed = new Promise<never>((_, reject) => {
      this.failure = reject;
    });
    this.failed.catch(() => undefined);
  }

  get urls(): Record<string, string> {
    const urls: Record<string, string> = {};
    for (const { definition } of this.running) {
      if (definition.announce.url) urls[definition.name] = definition.announce.url;
    }
    return urls;
  }

  async start(definition: ServiceDefinition): Promise<Announcement> {
    const { name } = definition;
    if (definition.port) await requirePortFree(definition.port.port, name, definition.port.envName);
    await definition.prepare?.();
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    log.write(`--- ${new Date().toISOString()} starting ${name}\n`);
    let feed: (line: string) => void = () => undefined;
    const child = spawnGrouped(definition.command, (line, stream) => {
      log.write(`${line}\n`);
      feed(line);
      const shown = definition.show
        ? definition.show(line, stream)
        : stream === 'stderr'
          ? line
          : null;
      if (shown) this.print(`[${name}] ${shown}`);
    });
    const watch = outputWatch(name, child.exited);
    feed = watch.feed;
    this.running.push({ definition, child, log });
    await this.lock.update({ urls: this.urls, groups: this.running.map((r) => r.child.pid) });
    try {
      await definition.ready(watch.watch);
    } catch (error) {
      throw new Error(
        `${name} did not start: ${(error as Error).message}. Its output is in ${join(this.logDir, `${name}.log`)}`,
      );
    }
    const extra = await definition.afterReady?.();
    void child.exited.then((code) => {
      if (this.stopping) return;
      this.failure?.(
        new PartExitedError(
          `${name} stopped on its own (exit ${code}); its output is in ${join(this.logDir, `${name}.log`)}. Stopping the stack.`,
        ),
      );
    });
    await this.lock.update({ urls: this.urls, groups: this.running.map((r) => r.child.pid) });
    return { ...definition.announce, ...extra };
  }

  /** Stops every part, newest first; safe to call more than once. */
  stop(graceMs = 5_000): Promise<void> {
    this.stopping ??= (async () => {
      for (const { child, log } of [...this.running].reverse()) {
        await child.stop(graceMs);
        log.end();
      }
      await this.lock.release();
    })();
    return this.stopping;
  }

  /** Kills every part at once (a second Ctrl-C). */
  kill(): void {
    for (const { child } of this.running) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
}

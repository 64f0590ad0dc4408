import { HealthCheckError } from './health.js';
import type { OutputWatch } from './service.js';

/** Collects a part's output lines for the readiness checks that wait for one. */
export function outputWatch(name: string, exited: Promise<unknown>) {
  const waiters = new Set<(line: string) => void>();
  const watch: OutputWatch = {
    exited,
    waitForLine(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(onLine);
          reject(
            new HealthCheckError(`${name} printed no ready line within ${timeoutMs / 1000} s`),
          );
        }, timeoutMs);
        const onLine = (line: string) => {
          if (!match(line)) return;
          clearTimeout(timer);
          waiters.delete(onLine);
          resolve(line);
        };
        waiters.add(onLine);
        void exited.then(() => {
          if (!waiters.has(onLine)) return;
          clearTimeout(timer);
          waiters.delete(onLine);
          reject(new HealthCheckError(`${name} exited before it was ready`));
        });
      });
    },
  };
  const feed = (line: string) => {
    for (const waiter of [...waiters]) waiter(line);
  };
  return { watch, feed };
}

/** A part did not answer its health check in time. */
export class HealthCheckError extends Error {
  override name = 'HealthCheckError';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `url` until it answers with a status `accept` allows (any HTTP answer proves the
 * server listens; some parts only answer 404 or 405 to a GET), or fails after `timeoutMs`.
 */
export async function waitForHttp(
  url: string,
  options: { timeoutMs: number; accept?: (status: number) => boolean; abort?: Promise<unknown> },
): Promise<void> {
  const accept = options.accept ?? (() => true);
  const deadline = Date.now() + options.timeoutMs;
  let aborted = false;
  void options.abort?.then(() => {
    aborted = true;
  });
  let last = 'no answer';
  while (Date.now() < deadline && !aborted) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(250);
  }
  throw new HealthCheckError(
    aborted
      ? `${url}: the process exited before it answered`
      : `${url} did not answer within ${options.timeoutMs / 1000} s (last: ${last})`,
  );
}

interface Health {
  last_load_at: string | null;
  pending_objects: number | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once an ETL run that started after `since` (epoch ms) has finished and left no raw
 * object unloaded, as the dashboard's health reports it: the second run to finish after
 * `since` began after the first one ended.
 */
export async function waitForEtlAfter(
  dashboard: string,
  since: number,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let first: number | null = null;
  for (;;) {
    const health = (await (await fetch(`${dashboard}/api/health`)).json()) as Health;
    const finished = health.last_load_at ? Date.parse(health.last_load_at) : 0;
    // last_load_at has whole seconds: a run "after" since finishes a second past it.
    if (first === null && finished >= since + 1_000) first = finished;
    else if (first !== null && finished > first && health.pending_objects === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `no ETL run after ${new Date(since).toISOString()} loaded everything: ${JSON.stringify(health)}`,
      );
    }
    await sleep(250);
  }
}

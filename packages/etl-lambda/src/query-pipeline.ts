import type { ClientBase, QueryResult } from 'pg';

/**
 * Runs jobs (a statement, or a COPY and the statements after it) in order with one in
 * flight: while PostgreSQL runs one batch, Node parses the next, across object boundaries
 * too. Memory stays at two batches. The first failure is kept and rethrown by `drain`, so
 * no rejection goes unhandled while parsing continues.
 */
export class QueryPipeline {
  private inFlight: Promise<unknown> = Promise.resolve();
  private failure: unknown;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(readonly client: ClientBase) {}

  /** Waits for the previous job, then starts this one on the pipeline's client. */
  async run(job: (client: ClientBase) => Promise<unknown>): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
    const running = job(this.client).then(undefined, (error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight = running;
    this.pending.add(running);
    void running.finally(() => this.pending.delete(running));
  }

  /** `run` for one statement; `onResult` runs when it is done. */
  send(sql: string, params: unknown[], onResult?: (result: QueryResult) => void) {
    return this.run(async (client) => {
      // Not `onResult?.(await ...)`: an absent callback would skip the query itself.
      const result = await client.query(sql, params);
      onResult?.(result);
    });
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}

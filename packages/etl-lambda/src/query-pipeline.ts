import type { ClientBase, QueryResult } from 'pg';

/**
 * Sends statements in order with one in flight: while PostgreSQL runs one batch, Node parses
 * the next, across object boundaries too. Memory stays at two batches. The first failure is
 * kept and rethrown by `drain`, so no rejection goes unhandled while parsing continues.
 */
export class QueryPipeline {
  private inFlight: Promise<unknown> = Promise.resolve();
  private failure: unknown;
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly client: ClientBase) {}

  /** Waits for the previous statement, then sends this one; `onResult` runs when it is done. */
  async send(sql: string, params: unknown[], onResult?: (result: QueryResult) => void) {
    await this.inFlight;
    if (this.failure) throw this.failure;
    const query = this.client.query(sql, params).then(onResult, (error: unknown) => {
      this.failure ??= error;
    });
    this.inFlight = query;
    this.pending.add(query);
    void query.finally(() => this.pending.delete(query));
  }

  async drain(): Promise<void> {
    await Promise.all(this.pending);
    if (this.failure) throw this.failure;
  }
}

import { INSERT_EVENTS, INSERT_QUARANTINE } from './batch-sql.js';
import type { QueryPipeline } from './query-pipeline.js';

export interface ObjectCounts {
  rows: number;
  loaded: number;
  duplicates: number;
  quarantined: number;
}

export interface QuarantineEntry {
  object_key: string;
  line_number: number;
  reason: string;
  excerpt: string;
}

const QUARANTINE_BATCH = 500;

/**
 * Gathers rows of a group's objects into batches that span objects (objects of 50 events
 * would otherwise cost a statement each) and keeps counts per object. Counts are final
 * once `finish()` resolves.
 */
export class RowBatcher {
  private rows: string[] = [];
  private quarantine: QuarantineEntry[] = [];
  readonly counts = new Map<string, ObjectCounts>();

  constructor(
    private readonly pipeline: QueryPipeline,
    private readonly batchRows: number,
  ) {}

  private countsOf(key: string): ObjectCounts {
    let counts = this.counts.get(key);
    if (!counts) {
      counts = { rows: 0, loaded: 0, duplicates: 0, quarantined: 0 };
      this.counts.set(key, counts);
    }
    return counts;
  }

  /** Registers an object, so one with no lines still gets its ledger counts. */
  open(key: string): void {
    this.countsOf(key);
  }

  async addRow(key: string, json: string): Promise<void> {
    this.countsOf(key).rows += 1;
    this.rows.push(json);
    if (this.rows.length >= this.batchRows) await this.flushRows();
  }

  async addQuarantine(entry: QuarantineEntry): Promise<void> {
    this.countsOf(entry.object_key).quarantined += 1;
    this.quarantine.push(entry);
    if (this.quarantine.length >= QUARANTINE_BATCH) await this.flushQuarantine();
  }

  async finish(): Promise<Map<string, ObjectCounts>> {
    await this.flushRows();
    await this.flushQuarantine();
    await this.pipeline.drain();
    for (const counts of this.counts.values()) counts.duplicates = counts.rows - counts.loaded;
    return this.counts;
  }

  private async flushRows(): Promise<void> {
    if (this.rows.length === 0) return;
    const json = `[${this.rows.join(',')}]`;
    this.rows = [];
    await this.pipeline.send(INSERT_EVENTS, [json], (result) => {
      for (const row of result.rows as { source_object: string; n: number }[]) {
        this.countsOf(row.source_object).loaded += row.n;
      }
    });
  }

  private async flushQuarantine(): Promise<void> {
    if (this.quarantine.length === 0) return;
    await this.pipeline.send(INSERT_QUARANTINE, [JSON.stringify(this.quarantine.splice(0))]);
  }
}

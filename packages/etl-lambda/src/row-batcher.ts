import { EXCERPT_CHARS, INSERT_QUARANTINE } from './batch-sql.js';
import type { LoadMethod, StagedRows } from './load-method.js';
import type { QueryPipeline } from './query-pipeline.js';
import { type RefusedRow, writeGuarded } from './refused-rows.js';
import { storableExcerpt, storableText } from './storable-text.js';

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

const emptyRows = (): StagedRows => ({ texts: [], keys: [], lineNumbers: [] });

/**
 * Gathers rows of a group's objects into batches that span objects (objects of 50 events
 * would otherwise cost a statement each) and keeps counts per object. Counts are final
 * once `finish()` resolves.
 */
export class RowBatcher {
  private rows = emptyRows();
  private quarantine: QuarantineEntry[] = [];
  readonly counts = new Map<string, ObjectCounts>();

  constructor(
    private readonly pipeline: QueryPipeline,
    private readonly method: LoadMethod,
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

  /** Adds one row as its method's text; only every `batchRows`th call waits on the server. */
  addRow(key: string, lineNumber: number, text: string): Promise<void> | undefined {
    this.countsOf(key).rows += 1;
    this.rows.texts.push(text);
    this.rows.keys.push(key);
    this.rows.lineNumbers.push(lineNumber);
    return this.rows.texts.length >= this.batchRows ? this.flushRows() : undefined;
  }

  async addQuarantine(entry: QuarantineEntry): Promise<void> {
    this.hold(entry);
    if (this.quarantine.length >= QUARANTINE_BATCH) await this.flushQuarantine();
  }

  async finish(): Promise<Map<string, ObjectCounts>> {
    await this.flushRows();
    // Rows the server refused join the quarantine once their batch has run.
    await this.pipeline.drain();
    await this.flushQuarantine();
    await this.pipeline.drain();
    for (const counts of this.counts.values()) counts.duplicates = counts.rows - counts.loaded;
    return this.counts;
  }

  /** Keeps an entry for the next quarantine insert, in text PostgreSQL always accepts. */
  private hold(entry: QuarantineEntry): void {
    this.countsOf(entry.object_key).quarantined += 1;
    this.quarantine.push({
      object_key: entry.object_key,
      line_number: entry.line_number,
      reason: storableExcerpt(entry.reason, EXCERPT_CHARS),
      excerpt: storableExcerpt(entry.excerpt, EXCERPT_CHARS),
    });
  }

  private readonly refuse = (row: RefusedRow): void => {
    this.countsOf(row.key).rows -= 1;
    this.hold({
      object_key: row.key,
      line_number: row.lineNumber,
      reason: row.reason,
      excerpt: storableText(row.text),
    });
  };

  private async flushRows(): Promise<void> {
    if (this.rows.texts.length === 0) return;
    const rows = this.rows;
    this.rows = emptyRows();
    await this.pipeline.run(async (client) => {
      for (const row of await writeGuarded(client, this.method, rows, this.refuse)) {
        this.countsOf(row.source_object).loaded += row.n;
      }
    });
  }

  private async flushQuarantine(): Promise<void> {
    if (this.quarantine.length === 0) return;
    await this.pipeline.send(INSERT_QUARANTINE, [JSON.stringify(this.quarantine.splice(0))]);
  }
}

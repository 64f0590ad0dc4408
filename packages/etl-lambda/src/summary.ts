/** What one run did: printed as the CLI's last line and returned by the Lambda. */
export interface RunSummary {
  status: 'done' | 'busy' | 'partial';
  run_id: string;
  full_scan: boolean;
  objects: number;
  rows_loaded: number;
  duplicates: number;
  quarantined: number;
  /** Objects a concurrent run claimed first. */
  already_loaded: number;
  /** Unloaded objects found by this run's listing. */
  pending_at_start: number;
  /** Of those, how many this run left (deadline reached). */
  pending_after: number;
  /** Age of the oldest unloaded object found, in seconds (0 when none). */
  oldest_pending_age_s: number;
  /** Listed keys that are no raw object key (no real date folder, an odd name): not loaded. */
  skipped_keys: number;
  /** The first few of them, with the reason. */
  skipped_key_samples: { key: string; reason: string }[];
  /** Events ingest refused (`rejected/` objects) that this run counted for the first time. */
  rejected_events: number;
  derived_days: string[];
  sessions_rebuilt: number;
  /** How batches reached the table: COPY via a stage (server) or JSON batches (PGlite). */
  load_method?: 'copy' | 'json';
  /** Time spent listing and loading, then rebuilding the derived tables; and in all. */
  load_ms: number;
  derive_ms: number;
  duration_ms: number;
}

export function emptySummary(runId: string, fullScan: boolean): RunSummary {
  return {
    status: 'done',
    run_id: runId,
    full_scan: fullScan,
    objects: 0,
    rows_loaded: 0,
    duplicates: 0,
    quarantined: 0,
    already_loaded: 0,
    pending_at_start: 0,
    pending_after: 0,
    oldest_pending_age_s: 0,
    skipped_keys: 0,
    skipped_key_samples: [],
    rejected_events: 0,
    derived_days: [],
    sessions_rebuilt: 0,
    load_ms: 0,
    derive_ms: 0,
    duration_ms: 0,
  };
}

/** Progress while loading, for the CLI's status line. */
export interface Progress {
  objects: number;
  pending: number;
  rows: number;
  elapsedMs: number;
}

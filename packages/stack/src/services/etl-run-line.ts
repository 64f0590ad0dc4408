/** The fields of the ETL's one-line run summary that the terminal line needs. */
interface RunSummaryLine {
  status: string;
  objects: number;
  rows_loaded: number;
  duplicates: number;
  quarantined: number;
  pending_after: number;
  derived_days: string[];
  duration_ms: number;
}

/**
 * One short line for an ETL run that changed something (rows, quarantine, a partial run);
 * null for an idle run or any other output, so a quiet shop keeps a quiet terminal.
 */
export function etlRunLine(line: string): string | null {
  let run: RunSummaryLine;
  try {
    run = JSON.parse(line) as RunSummaryLine;
  } catch {
    return null;
  }
  if (typeof run.rows_loaded !== 'number') return null;
  const changed = run.rows_loaded > 0 || run.quarantined > 0 || run.status === 'partial';
  if (!changed) return null;
  const parts = [`loaded ${run.rows_loaded} rows from ${run.objects} objects`];
  if (run.duplicates > 0) parts.push(`${run.duplicates} duplicates skipped`);
  if (run.quarantined > 0) parts.push(`${run.quarantined} lines quarantined`);
  if (run.status === 'partial') parts.push(`${run.pending_after} objects left for the next run`);
  if (run.derived_days.length > 0) parts.push(`days ${run.derived_days.join(', ')} updated`);
  return `${parts.join(', ')} in ${(run.duration_ms / 1000).toFixed(1)} s`;
}

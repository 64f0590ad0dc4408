import type { RunSummary } from './summary.js';

export const METRICS_NAMESPACE = 'Clicktrail/ETL';
/** Seconds since the oldest object still unloaded at a run's start was received: the backlog. */
export const BACKLOG_METRIC = 'OldestUnloadedObjectAge';

/**
 * The run's metrics as one CloudWatch Embedded Metric Format line: logging it is enough for
 * CloudWatch to record the metrics, with no API call from inside the VPC (no NAT there).
 */
export function metricsLine(summary: RunSummary, now = Date.now()): string {
  const values = {
    ObjectsPending: summary.pending_after,
    OldestUnloadedObjectAge: summary.oldest_pending_age_s,
    ObjectsLoaded: summary.objects,
    RowsLoaded: summary.rows_loaded,
    Duplicates: summary.duplicates,
    Quarantined: summary.quarantined,
    RunDuration: summary.duration_ms,
  };
  const units: Record<keyof typeof values, string> = {
    ObjectsPending: 'Count',
    OldestUnloadedObjectAge: 'Seconds',
    ObjectsLoaded: 'Count',
    RowsLoaded: 'Count',
    Duplicates: 'Count',
    Quarantined: 'Count',
    RunDuration: 'Milliseconds',
  };
  return JSON.stringify({
    _aws: {
      Timestamp: now,
      CloudWatchMetrics: [
        {
          Namespace: METRICS_NAMESPACE,
          Dimensions: [[]],
          Metrics: Object.entries(units).map(([Name, Unit]) => ({ Name, Unit })),
        },
      ],
    },
    run_id: summary.run_id,
    ...values,
  });
}

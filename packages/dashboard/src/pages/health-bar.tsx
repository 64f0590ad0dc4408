import { formatCount, formatDuration } from '../format.js';
import type { Health } from '../queries/health.js';

/** The ETL runs hourly; past this a quiet dashboard may be a stalled pipeline. */
export const STALE_AFTER_S = 2 * 3600;

export function isStalled(health: Health): boolean {
  return (
    health.last_load_age_s === null ||
    health.last_load_age_s > STALE_AFTER_S ||
    (health.oldest_pending_age_s ?? 0) > STALE_AFTER_S
  );
}

/** Always on top: when the warehouse last loaded, what waits, what was quarantined. */
export function HealthBar({ health }: { health: Health }) {
  const stalled = isStalled(health);
  return (
    <div class={stalled ? 'health stalled' : 'health'} id="health" data-panel="health">
      <strong>Data health</strong>
      <span>
        Last load:{' '}
        {health.last_load_at === null
          ? 'never'
          : `${health.last_load_at} (${formatDuration(health.last_load_age_s)} ago)`}
      </span>
      <span>
        Waiting in the raw store:{' '}
        {health.pending_objects === null ? 'unknown' : formatCount(health.pending_objects)}
        {health.pending_objects ? ` (oldest ${formatDuration(health.oldest_pending_age_s)})` : ''}
      </span>
      <span>Quarantined lines: {formatCount(health.quarantined_lines)}</span>
      <span>
        Refused by ingest:{' '}
        {health.rejected_events === null
          ? 'see rejected/ in the raw store'
          : formatCount(health.rejected_events)}
      </span>
      {stalled ? (
        <span class="warn">The pipeline looks stalled: these numbers may be out of date.</span>
      ) : null}
    </div>
  );
}

import { EVENT_COLUMNS } from './event-row.js';

const columns = EVENT_COLUMNS.join(', ');

/**
 * One batch of rows travels as a single JSON parameter and is expanded server-side.
 * This is the one path that works both against a server and through pglite-socket,
 * which cannot carry COPY FROM STDIN. Duplicates (in the batch or already loaded) are
 * skipped by the primary key; rowCount is what was new.
 */
export const INSERT_EVENTS = `INSERT INTO clickstream_events (${columns})
  SELECT ${columns} FROM json_populate_recordset(NULL::clickstream_events, $1::json)
  ON CONFLICT (event_id) DO NOTHING`;

export const INSERT_QUARANTINE = `INSERT INTO etl_quarantine (object_key, line_number, reason, excerpt)
  SELECT object_key, line_number, reason, excerpt
  FROM json_populate_recordset(NULL::etl_quarantine, $1::json)
  ON CONFLICT (object_key, line_number) DO NOTHING`;

/** Claims an object for this transaction; returns no row when it is already loaded. */
export const CLAIM_OBJECT = `INSERT INTO etl_loaded_objects
  (object_key, etag, receive_day, size_bytes, run_id) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (object_key) DO NOTHING RETURNING object_key`;

export const COUNT_OBJECT = `UPDATE etl_loaded_objects
  SET rows_loaded = $2, duplicates = $3, quarantined = $4 WHERE object_key = $1`;

export const MARK_DIRTY_DAYS = `INSERT INTO etl_dirty_days (day)
  SELECT unnest($1::date[]) ON CONFLICT (day) DO NOTHING`;

/** Excerpts keep quarantine rows small; the raw object stays the source of truth. */
export const EXCERPT_CHARS = 1_000;

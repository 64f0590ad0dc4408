import { EVENT_COLUMNS } from '@clicktrail/warehouse';

const columns = EVENT_COLUMNS.join(', ');

/**
 * The statement that moves a staged batch into the table: duplicates (in the batch or
 * already loaded) are skipped by the primary key. A batch may span objects, so it answers
 * how many rows were new per source object.
 */
const insertEventsFrom = (source: string): string => `WITH inserted AS (
    INSERT INTO clickstream_events (${columns})
    SELECT ${columns} FROM ${source}
    ON CONFLICT (event_id) DO NOTHING
    RETURNING source_object)
  SELECT source_object, count(*)::int AS n FROM inserted GROUP BY source_object`;

/**
 * The JSON method: one batch travels as a single JSON parameter, expanded server-side.
 * It works through pglite-socket, which cannot carry COPY FROM STDIN.
 */
export const INSERT_EVENTS = insertEventsFrom(
  'json_populate_recordset(NULL::clickstream_events, $1::json)',
);

/**
 * The COPY method writes a batch's new rows straight into the table: the rows of the batch
 * that are already there, looked up by primary key first, are left out in Node.
 */
export const EXISTING_EVENT_IDS =
  'SELECT event_id FROM clickstream_events WHERE event_id = ANY($1::text[])';
export const COPY_EVENTS = `COPY clickstream_events (${columns}) FROM STDIN`;

/**
 * The COPY method's fallback, for a batch whose straight COPY met a row committed by another
 * writer after the lookup: a temporary table without indexes or constraints beyond NOT NULL,
 * created when first needed and dropped with the group's transaction (commit or rollback),
 * so a crash leaves nothing.
 */
export const CREATE_STAGE =
  'CREATE TEMP TABLE IF NOT EXISTS etl_stage (LIKE clickstream_events INCLUDING DEFAULTS) ON COMMIT DROP';
export const COPY_STAGE = `COPY etl_stage (${columns}) FROM STDIN`;
export const INSERT_STAGED = insertEventsFrom('etl_stage');
// Created in this transaction, so PostgreSQL truncates it in place, without a new file.
export const EMPTY_STAGE = 'TRUNCATE etl_stage';

export const INSERT_QUARANTINE = `INSERT INTO etl_quarantine (object_key, line_number, reason, excerpt)
  SELECT object_key, line_number, reason, excerpt
  FROM json_populate_recordset(NULL::etl_quarantine, $1::json)
  ON CONFLICT (object_key, line_number) DO NOTHING`;

/**
 * Claims a group's objects for this transaction in one statement; returns the keys claimed.
 * A key already in the ledger (or being loaded by a concurrent run) comes back missing.
 */
export const CLAIM_OBJECTS = `INSERT INTO etl_loaded_objects
  (object_key, etag, receive_day, size_bytes, run_id)
  SELECT key, etag, day, size, $5 FROM unnest($1::text[], $2::text[], $3::date[], $4::bigint[])
    AS o(key, etag, day, size)
  ON CONFLICT (object_key) DO NOTHING RETURNING object_key`;

export const COUNT_OBJECTS = `UPDATE etl_loaded_objects l
  SET rows_loaded = c.loaded, duplicates = c.duplicates, quarantined = c.quarantined
  FROM unnest($1::text[], $2::int[], $3::int[], $4::int[]) AS c(key, loaded, duplicates, quarantined)
  WHERE l.object_key = c.key`;

/** Excerpts keep quarantine rows small; the raw object stays the source of truth. */
export const EXCERPT_CHARS = 1_000;

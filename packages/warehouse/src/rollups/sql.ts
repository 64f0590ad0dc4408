/** Shared pieces of the rollup statements. */

/** DELETE of a rollup table's rows for the affected (app_id, day) pairs. */
export const deleteAffectedDays = (table: string) =>
  `DELETE FROM ${table} r USING affected_days d WHERE r.app_id = d.app_id AND r.day = d.day`;

/** The events of an affected day (alias e, days alias d), cut in the reporting time zone. */
export const EVENTS_OF_AFFECTED_DAYS = `affected_days d JOIN clickstream_events e
  ON e.app_id = d.app_id AND e.event_timestamp >= d.day AND e.event_timestamp < d.day + 1`;

/** Shared pieces of the rollup statements. */

/** DELETE of a rollup table's rows for the affected (app_id, day) pairs. */
export const deleteAffectedDays = (table: string) =>
  `DELETE FROM ${table} r USING affected_days d WHERE r.app_id = d.app_id AND r.day = d.day`;

/**
 * DELETE of a per-client rollup table's rows for the (day, app_id, client_key) of the
 * touched clients' events on the affected days (`touched_client_days`): no other row of
 * those days can change, since only the touched sessions gained events.
 */
export const deleteTouchedClientDays = (table: string) =>
  `DELETE FROM ${table} r USING touched_client_days x
    WHERE r.day = x.day AND r.app_id = x.app_id AND r.client_key = x.client_key`;

/** The touched clients' keys (of `touched_client_days`), for `client_key IN ...`. */
export const touchedClients = `(SELECT DISTINCT client_key FROM touched_client_days)`;

/**
 * Monday of a date's week, as SQL: retention's weeks. The cohort counts and the dashboard's
 * retention query must cut weeks alike, so both use this.
 */
export const weekStart = (day: string) => `(${day} - (extract(isodow FROM ${day})::int - 1))`;

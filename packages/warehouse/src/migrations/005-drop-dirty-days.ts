/**
 * Derive has followed the dirty sessions since version 3; the days table that came before
 * them was still written by every load and emptied by every derive, read by nothing.
 */
export const dropDirtyDays = 'DROP TABLE IF EXISTS etl_dirty_days;';

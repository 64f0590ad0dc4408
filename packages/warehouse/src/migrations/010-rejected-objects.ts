/**
 * Events ingest refused, counted by the ETL from the `rejected/` objects of the raw store
 * (one row per object, so a rerun counts nothing twice), for the dashboard's data health.
 * Version 10: the dashboard's range.
 */
export const rejectedObjects = `
CREATE TABLE etl_rejected_objects (
  object_key text PRIMARY KEY,
  receive_day date NOT NULL,
  events integer NOT NULL,
  attributes integer NOT NULL,
  counted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX etl_rejected_objects_day ON etl_rejected_objects (receive_day);
`;

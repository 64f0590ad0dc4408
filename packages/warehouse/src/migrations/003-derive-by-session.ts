/**
 * The derived rebuild follows sessions, not days: every insert into `clickstream_events`
 * marks its sessions dirty (a statement trigger, so whatever path loads rows, COPY stage or
 * JSON batch, marks them in the same transaction), and `derive_state` records the time zone
 * the derived tables are cut in. A warehouse that already has sessions was cut in UTC.
 */
export const deriveBySession = `
CREATE TABLE derive_dirty_sessions (
  app_id text NOT NULL,
  client_id text NOT NULL,
  session_id text NOT NULL,
  PRIMARY KEY (app_id, client_id, session_id)
);

CREATE FUNCTION clicktrail_mark_dirty_sessions() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO derive_dirty_sessions (app_id, client_id, session_id)
  SELECT DISTINCT app_id, client_id, session_id FROM new_events
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER clickstream_events_mark_dirty
  AFTER INSERT ON clickstream_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION clicktrail_mark_dirty_sessions();

CREATE TABLE derive_state (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  time_zone text,
  rebuilt_at timestamptz
);
INSERT INTO derive_state (time_zone)
  SELECT CASE WHEN EXISTS (SELECT 1 FROM sessions) THEN 'UTC' END;

-- Days by start, in the reporting time zone: the daily rebuild reads the sessions of a day.
CREATE INDEX sessions_app_date ON sessions (app_id, session_date);
`;

/**
 * Version 13 (the dashboard's range): each session's landing facts, rebuilt for the touched
 * sessions only, so the per-day session rollups sum sessions instead of looking up every
 * session's landing event again on each derive of its day.
 */
export const sessionLandings = `
CREATE TABLE session_landings (
  app_id text NOT NULL,
  client_id text NOT NULL,
  session_id text NOT NULL,
  referrer text NOT NULL,
  utm_source text NOT NULL,
  utm_medium text NOT NULL,
  utm_campaign text NOT NULL,
  converted boolean NOT NULL,
  PRIMARY KEY (app_id, client_id, session_id)
);

-- Filled by the next derive.
INSERT INTO derive_dirty_sessions (app_id, client_id, session_id)
  SELECT DISTINCT app_id, client_id, session_id FROM clickstream_events
  ON CONFLICT DO NOTHING;
`;

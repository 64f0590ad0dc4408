/** The derived model the dashboard reads instead of scanning raw events. */
export const derivedModel = `
CREATE TABLE sessions (
  app_id text NOT NULL,
  client_id text NOT NULL,
  session_id text NOT NULL,
  session_number integer NOT NULL,
  session_date date NOT NULL,
  session_start timestamptz NOT NULL,
  session_end timestamptz NOT NULL,
  duration_ms bigint NOT NULL,
  page_views integer NOT NULL,
  events integer NOT NULL,
  conversions integer NOT NULL,
  engaged boolean NOT NULL,
  bounce boolean NOT NULL,
  landing_path text,
  exit_path text,
  is_first_visit boolean NOT NULL,
  user_id text,
  user_login_state text NOT NULL,
  PRIMARY KEY (app_id, client_id, session_id)
);
CREATE INDEX sessions_date ON sessions (session_date);

CREATE TABLE daily_metrics (
  day date NOT NULL,
  app_id text NOT NULL,
  users integer NOT NULL,
  new_users integer NOT NULL,
  sessions integer NOT NULL,
  engaged_sessions integer NOT NULL,
  bounces integer NOT NULL,
  events integer NOT NULL,
  page_views integer NOT NULL,
  purchases integer NOT NULL,
  revenue numeric NOT NULL,
  PRIMARY KEY (day, app_id)
);
`;

/** The path of a page URL, without scheme, host, query or fragment ('/' for a bare host). */
export const urlPathFunction = `
CREATE FUNCTION clicktrail_url_path(url text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN url IS NULL THEN NULL ELSE coalesce(nullif(
    split_part(split_part(regexp_replace(url, '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*', ''), '?', 1), '#', 1),
  ''), '/') END
$$;
`;

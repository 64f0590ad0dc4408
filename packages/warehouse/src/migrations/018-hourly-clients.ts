/**
 * Version 18 (the dashboard's range): the hourly trend (ranges up to two days) without
 * reading events. One row per (day, local hour, app, client) with any event: users per hour
 * are a distinct count over a few thousand narrow rows, page views a sum.
 */
export const hourlyClients = `
CREATE TABLE hourly_clients (
  day date NOT NULL,
  app_id text NOT NULL,
  client_key integer NOT NULL,
  hour smallint NOT NULL,
  events integer NOT NULL,
  page_views integer NOT NULL,
  PRIMARY KEY (day, app_id, client_key, hour)
);
`;

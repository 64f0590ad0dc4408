/**
 * The ETL's ledger of receive days (version 20: the ETL's range is 20-29). A routine run
 * lists the recent days and every day not yet complete; a day is complete once a run
 * listed it after it ended (no writer can add to it then) and found every object loaded.
 */
export const receiveDays = `
CREATE TABLE etl_receive_days (
  day date PRIMARY KEY,
  complete boolean NOT NULL DEFAULT false,
  objects integer NOT NULL DEFAULT 0,
  listed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX etl_receive_days_incomplete ON etl_receive_days (day) WHERE NOT complete;
`;

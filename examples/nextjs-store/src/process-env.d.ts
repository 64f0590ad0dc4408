// Next.js's types give ProcessEnv a NODE_ENV member, after which TypeScript's weak-type check
// refuses `process.env` as a default for settings objects whose members are all optional (the
// warehouse package's). Naming the variables those objects read restores the overlap.
declare namespace NodeJS {
  interface ProcessEnv {
    DATABASE_URL?: string;
    DW_DIR?: string;
    CLICKTRAIL_PG_PORT?: string;
    CLICKTRAIL_TIME_ZONE?: string;
  }
}

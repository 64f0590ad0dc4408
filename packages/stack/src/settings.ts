import { join, resolve } from 'node:path';

/** A fixed port of the stack and the variable that moves it. */
export interface PortSetting {
  port: number;
  envName: string;
}

/** Everything the supervisor decides from the environment before it starts a part. */
export interface StackSettings {
  root: string;
  dataDir: string;
  etlEverySeconds: number;
  appId: string;
  ports: {
    store: PortSetting;
    ingest: PortSetting;
    dashboard: PortSetting;
    cognito: PortSetting;
    /** The embedded PostgreSQL's loopback port (the warehouse package's variable). */
    warehouse: PortSetting;
  };
  /** A PostgreSQL server named by DATABASE_URL or DWH_*: used instead of the embedded one. */
  externalWarehouse: string | null;
  /** An S3 bucket (RAW_BUCKET, optional S3_ENDPOINT): used instead of the raw folder. */
  externalRawBucket: string | null;
  /** A Cognito pool (COGNITO_USER_POOL_ID + COGNITO_CLIENT_ID): used instead of cognito-local. */
  externalCognito: { userPoolId: string; clientId: string } | null;
  rawDir: string;
  /** The embedded warehouse's PGlite folder. */
  dwDir: string;
  env: Record<string, string | undefined>;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function port(env: Record<string, string | undefined>, envName: string, fallback: number) {
  const text = env[envName];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new SettingsError(`${envName}: expected a port number from 1 to 65535, got "${text}"`);
  }
  return { port: value, envName };
}

/** Reads the stack's settings; `root` is the repository the parts run from. */
export function stackSettings(
  root: string,
  env: Record<string, string | undefined> = process.env,
): StackSettings {
  const dataDir = resolve(root, env.CLICKTRAIL_DATA_DIR || '.clicktrail');
  const every = Number(env.ETL_EVERY_SECONDS ?? 10);
  if (!(every > 0)) {
    throw new SettingsError(
      `ETL_EVERY_SECONDS: expected seconds > 0, got "${env.ETL_EVERY_SECONDS}"`,
    );
  }
  const warehouse = env.DATABASE_URL
    ? new URL(env.DATABASE_URL)
    : env.DWH_HOST
      ? new URL(
          `postgres://${env.DWH_HOST}:${env.DWH_PORT ?? 5432}/${env.DWH_DATABASE ?? 'clickstream_dw'}`,
        )
      : null;
  return {
    root,
    dataDir,
    etlEverySeconds: every,
    appId: env.CLICKTRAIL_APP_ID || 'clicktrail-store',
    ports: {
      store: port(env, 'STORE_PORT', 3000),
      ingest: port(env, 'INGEST_PORT', 3100),
      dashboard: port(env, 'DASHBOARD_PORT', 3838),
      cognito: port(env, 'COGNITO_PORT', 9229),
      warehouse: port(env, 'CLICKTRAIL_PG_PORT', 5433),
    },
    // Shown without a password: labels end up in the banner.
    externalWarehouse: warehouse ? `postgres://${warehouse.host}${warehouse.pathname}` : null,
    externalRawBucket: env.RAW_BUCKET
      ? `s3://${env.RAW_BUCKET}${env.S3_ENDPOINT ? ` at ${env.S3_ENDPOINT}` : ''}`
      : null,
    externalCognito:
      env.COGNITO_USER_POOL_ID && env.COGNITO_CLIENT_ID
        ? { userPoolId: env.COGNITO_USER_POOL_ID, clientId: env.COGNITO_CLIENT_ID }
        : null,
    rawDir: join(dataDir, 'raw'),
    dwDir: join(dataDir, 'dw'),
    env,
  };
}

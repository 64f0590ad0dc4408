import { fileURLToPath } from 'node:url';

/** Lambda entry files, bundled from the workspace's TypeScript source. */
export interface LambdaEntries {
  ingest: string;
  etl: string;
}

export const workspaceEntries: LambdaEntries = {
  ingest: fileURLToPath(new URL('../../ingest-lambda/src/lambda.ts', import.meta.url)),
  // The ETL handler behind a wrapper that turns DWH_SECRET_ARN into its password.
  etl: fileURLToPath(new URL('../lambda/etl-entry.ts', import.meta.url)),
};

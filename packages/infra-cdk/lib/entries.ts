import { fileURLToPath } from 'node:url';

/** Lambda entry files, bundled from the workspace's TypeScript source. */
export interface LambdaEntries {
  ingest: string;
  etl: string;
}

export const workspaceEntries: LambdaEntries = {
  ingest: fileURLToPath(new URL('../../ingest-lambda/src/lambda.ts', import.meta.url)),
  etl: fileURLToPath(new URL('../../etl-lambda/src/lambda.ts', import.meta.url)),
};

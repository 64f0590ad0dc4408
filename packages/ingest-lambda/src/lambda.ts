/**
 * The Lambda entry (`clickstream-lambda-ingest`), bundled by CDK's NodejsFunction.
 * The store, and with it the S3 client, is created once per container at module load.
 */
import { createHandler } from './handler.js';
import { ingestConfig, requireStoreSettings } from './settings.js';

requireStoreSettings(process.env);

export const handler = createHandler(ingestConfig(process.env));

/**
 * The deployed ETL's entry: the ETL handler, given its password from Secrets
 * Manager. The stack passes DWH_SECRET_ARN, never the password, so it stays
 * out of the function's configuration; it is fetched once per container
 * (through the VPC's secretsmanager endpoint) into this process's
 * DWH_PASSWORD, which the handler reads like any other setting.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

export class SecretError extends Error {
  override name = 'SecretError';
}

async function passwordFromSecret(secretArn: string): Promise<string> {
  const client = new SecretsManagerClient({});
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
  const password: unknown = SecretString ? JSON.parse(SecretString).password : undefined;
  if (typeof password !== 'string' || password === '') {
    throw new SecretError(`expected secret ${secretArn} to hold JSON with a "password" string`);
  }
  return password;
}

const secretArn = process.env.DWH_SECRET_ARN;
if (secretArn && !process.env.DWH_PASSWORD) {
  process.env.DWH_PASSWORD = await passwordFromSecret(secretArn);
}

// Imported only now, so the handler's settings see the password.
const etl = await import('@clicktrail/etl-lambda/lambda');
export const handler = etl.handler;

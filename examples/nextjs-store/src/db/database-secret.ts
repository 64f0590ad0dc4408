import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** What the CDK app's generated OLTP secret holds (`lib/postgres-host.ts`). */
interface DatabaseSecret {
  username: string;
  password: string;
  dbname?: string;
  port?: number;
}

export class DatabaseSecretError extends Error {
  override name = 'DatabaseSecretError';
}

/** Reads a secret's string by ARN; the adapter the store uses in AWS. */
export type ReadSecret = (secretArn: string) => Promise<string>;

/**
 * The connection URL for `host` from the secret's JSON. Every part is URL-encoded, so a
 * generated password with `@`, `/` or `:` still names the right server.
 */
export function databaseUrlFromSecret(host: string, secretArn: string, secretString: string) {
  let secret: Partial<DatabaseSecret>;
  try {
    secret = JSON.parse(secretString) as Partial<DatabaseSecret>;
  } catch {
    throw new DatabaseSecretError(`expected secret ${secretArn} to hold JSON, found other text`);
  }
  const { username, password } = secret;
  if (typeof username !== 'string' || !username || typeof password !== 'string' || !password) {
    throw new DatabaseSecretError(
      `expected secret ${secretArn} to hold JSON with "username" and "password" strings`,
    );
  }
  const url = new URL('postgres://placeholder');
  url.hostname = host;
  url.port = String(secret.port ?? 5432);
  url.username = encodeURIComponent(username);
  url.password = encodeURIComponent(password);
  url.pathname = `/${encodeURIComponent(secret.dbname ?? 'clickstream_web')}`;
  return url.toString();
}

/** Secrets Manager through the AWS SDK's default credentials and region (Amplify's compute role). */
export const readSecretFromSecretsManager: ReadSecret = async (secretArn) => {
  const client = new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!SecretString) throw new DatabaseSecretError(`secret ${secretArn} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
};

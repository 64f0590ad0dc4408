import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '@clicktrail/warehouse/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connect, DatabaseNotConfiguredError, databaseFromEnv } from './connection';
import { DatabaseSecretError, databaseUrlFromSecret } from './database-secret';

const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:clicktrail-web-AbCdEf';

/** Secrets Manager's GetSecretValue (AWS JSON 1.1) for one secret, as the AWS SDK calls it. */
function secretsManagerStandIn(secretString: () => string) {
  const calls: string[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      calls.push(String(request.headers['x-amz-target']));
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (SecretId !== ARN) {
        response.statusCode = 400;
        response.end(
          JSON.stringify({ __type: 'ResourceNotFoundException', message: 'no such secret' }),
        );
        return;
      }
      response.end(JSON.stringify({ ARN, Name: 'clicktrail-web', SecretString: secretString() }));
    });
  });
  return { server, calls };
}

describe('the store database from DATABASE_HOST and DATABASE_SECRET_ARN (Amplify)', () => {
  let database: TestDatabase;
  let standIn: ReturnType<typeof secretsManagerStandIn>;
  let secret: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    secret = JSON.stringify({
      username: decodeURIComponent(target.username) || 'postgres',
      password: 'p@ss:w/rd?#%',
      dbname: target.pathname.slice(1),
      port: Number(target.port),
    });
    standIn = secretsManagerStandIn(() => secret);
    await new Promise<void>((resolve) => standIn.server.listen(0, '127.0.0.1', resolve));
    const { port } = standIn.server.address() as AddressInfo;
    vi.stubEnv('AWS_ENDPOINT_URL_SECRETS_MANAGER', `http://127.0.0.1:${port}`);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await new Promise<void>((resolve) =>
      (standIn?.server as Server | undefined)?.close(() => resolve()),
    );
    await database?.drop();
  });

  it('reads the login from Secrets Manager and reaches the database it names', async () => {
    const host = new URL(database.url).hostname;
    const target = await databaseFromEnv({ DATABASE_HOST: host, DATABASE_SECRET_ARN: ARN });
    expect(standIn.calls).toEqual(['secretsmanager.GetSecretValue']);
    expect(target.embedded).toBe(false);
    const db = connect(target, { max: 1 });
    try {
      const { rows } = await db.query('SELECT current_database() AS name');
      expect(rows[0]?.name).toBe(JSON.parse(secret).dbname);
    } finally {
      await db.end();
    }
  });

  it('prefers DATABASE_URL and then reads no secret', async () => {
    standIn.calls.length = 0;
    const target = await databaseFromEnv({
      DATABASE_URL: database.url,
      DATABASE_HOST: '10.0.0.1',
      DATABASE_SECRET_ARN: ARN,
    });
    expect(target.url).toBe(database.url);
    expect(standIn.calls).toEqual([]);
  });

  it('fails with a clear message when the secret is not the login JSON', async () => {
    secret = '{"user":"clicktrail"}';
    await expect(
      databaseFromEnv({ DATABASE_HOST: '127.0.0.1', DATABASE_SECRET_ARN: ARN }),
    ).rejects.toThrow(/"username" and "password"/);
  });

  it('fails naming both ways to configure it when neither is set', async () => {
    await expect(databaseFromEnv({ DATABASE_HOST: '10.0.0.1' })).rejects.toBeInstanceOf(
      DatabaseNotConfiguredError,
    );
  });
});

describe('databaseUrlFromSecret', () => {
  it('encodes every part, so a generated password cannot move the host', () => {
    const url = databaseUrlFromSecret(
      'db.example.com',
      ARN,
      JSON.stringify({ username: 'click trail', password: 'a@b/c:d', dbname: 'clickstream_web' }),
    );
    expect(url).toBe('postgres://click%20trail:a%40b%2Fc%3Ad@db.example.com:5432/clickstream_web');
    const parsed = new URL(url);
    expect(decodeURIComponent(parsed.password)).toBe('a@b/c:d');
    expect(parsed.hostname).toBe('db.example.com');
  });

  it('refuses text that is not JSON', () => {
    expect(() => databaseUrlFromSecret('h', ARN, 'hunter2')).toThrow(DatabaseSecretError);
  });
});

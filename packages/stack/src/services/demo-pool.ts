import { readFile, writeFile } from 'node:fs/promises';
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** The demo user pool, its app client and the demo shopper's login. */
export interface DemoPool {
  userPoolId: string;
  clientId: string;
  endpoint: string;
  username: string;
  password: string;
}

export const DEMO_LOGIN = { username: 'demo@clicktrail.local', password: 'Demo-shopper-1' };

const clientFor = (endpoint: string) =>
  new CognitoIdentityProviderClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

/**
 * Makes sure the stand-in holds the demo pool, an app client that allows
 * USER_PASSWORD_AUTH (cognito-local has no SRP) and a confirmed demo user. The ids are kept
 * in `file`, so a second start reuses them and sessions survive a restart.
 */
export async function provisionDemoPool(endpoint: string, file: string): Promise<DemoPool> {
  const cognito = clientFor(endpoint);
  try {
    const saved = await readSaved(file);
    if (saved && (await poolExists(cognito, saved.userPoolId))) {
      await ensureUser(cognito, { ...saved, endpoint });
      return { ...saved, endpoint };
    }
    const created = await cognito.send(
      // The names the store looks for when it provisions cognito-local itself.
      new CreateUserPoolCommand({ PoolName: 'clicktrail-store', UsernameAttributes: ['email'] }),
    );
    const userPoolId = created.UserPool?.Id;
    if (!userPoolId) throw new Error('cognito-local created a pool without an id');
    const client = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'clicktrail-store-web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const clientId = client.UserPoolClient?.ClientId;
    if (!clientId) throw new Error('cognito-local created an app client without an id');
    const pool: DemoPool = { userPoolId, clientId, endpoint, ...DEMO_LOGIN };
    await ensureUser(cognito, pool);
    await writeFile(file, JSON.stringify({ userPoolId, clientId, ...DEMO_LOGIN }, null, 2));
    return pool;
  } finally {
    cognito.destroy();
  }
}

async function readSaved(file: string): Promise<Omit<DemoPool, 'endpoint'> | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Omit<DemoPool, 'endpoint'>;
  } catch {
    return null;
  }
}

async function poolExists(cognito: CognitoIdentityProviderClient, id: string): Promise<boolean> {
  try {
    await cognito.send(new DescribeUserPoolCommand({ UserPoolId: id }));
    return true;
  } catch {
    return false;
  }
}

async function ensureUser(cognito: CognitoIdentityProviderClient, pool: DemoPool): Promise<void> {
  try {
    await cognito.send(
      new AdminGetUserCommand({ UserPoolId: pool.userPoolId, Username: pool.username }),
    );
    return;
  } catch {
    // Not there yet: sign the demo shopper up and confirm them, as the store's sign-up would.
  }
  await cognito.send(
    new SignUpCommand({
      ClientId: pool.clientId,
      Username: pool.username,
      Password: pool.password,
      UserAttributes: [{ Name: 'email', Value: pool.username }],
    }),
  );
  await cognito.send(
    new AdminConfirmSignUpCommand({ UserPoolId: pool.userPoolId, Username: pool.username }),
  );
}

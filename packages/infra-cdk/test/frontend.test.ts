import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { STORE_RUNTIME_VARIABLES } from '../lib/store-hosting.js';
import { getAtt, logicalId, ref, synthTemplate } from './template.js';

const template = synthTemplate();
const pool = logicalId(template, 'AWS::Cognito::UserPool', {});
const client = logicalId(template, 'AWS::Cognito::UserPoolClient', {});

describe('store identity and hosting', () => {
  it('lets the store client sign in with SRP and USER_PASSWORD_AUTH, without a secret', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: ref(pool),
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      GenerateSecret: false,
    });
  });

  it('requires strong passwords and offers TOTP MFA', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 8,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('gives the Amplify app the ingest URL and pool ids, and the DB secret only by ARN', () => {
    const api = logicalId(template, 'AWS::ApiGatewayV2::Api', { Name: 'clickstream-http-api' });
    const app = template.toJSON().Resources[logicalId(template, 'AWS::Amplify::App', {})];
    const env = Object.fromEntries(
      (app.Properties.EnvironmentVariables as Array<{ Name: string; Value: unknown }>).map((v) => [
        v.Name,
        v.Value,
      ]),
    );
    expect(app.Properties.Platform).toBe('WEB_COMPUTE');
    expect(env).toMatchObject({
      AMPLIFY_MONOREPO_APP_ROOT: 'examples/nextjs-store',
      // The names examples/nextjs-store reads at request time (its README).
      NEXT_PUBLIC_CLICKTRAIL_APP_ID: 'clicktrail-store',
      COGNITO_USER_POOL_ID: ref(pool),
      COGNITO_CLIENT_ID: ref(client),
      COGNITO_REGION: { Ref: 'AWS::Region' },
      DATABASE_SECRET_ARN: { Ref: expect.stringMatching(/^OltpHostPassword/) },
    });
    expect(JSON.stringify(env.NEXT_PUBLIC_CLICKTRAIL_ENDPOINT)).toContain(api);
    expect(JSON.stringify(env.NEXT_PUBLIC_CLICKTRAIL_ENDPOINT)).toContain('/clickstream');
    expect(Object.keys(env)).not.toContain('DATABASE_URL');
    expect(Object.keys(env).filter((name) => name.startsWith('NEXT_PUBLIC_COGNITO'))).toEqual([]);
    // Amplify gives variables to the build only: the build spec writes the store's for the server.
    const buildSpec = app.Properties.BuildSpec as string;
    for (const name of STORE_RUNTIME_VARIABLES) expect(Object.keys(env)).toContain(name);
    expect(buildSpec).toContain(
      `env | grep -E '^(${STORE_RUNTIME_VARIABLES.join('|')})=' >> .env.production`,
    );
    template.hasResourceProperties('AWS::Amplify::Branch', {
      AppId: getAtt(logicalId(template, 'AWS::Amplify::App', {}), 'AppId'),
      BranchName: 'main',
      Framework: 'Next.js - SSR',
    });
  });

  it('connects Amplify to a repository with a token from Secrets Manager when one is set', () => {
    const t = synthTemplate({ config: { amplifyRepository: 'https://github.com/acme/shop' } });
    t.hasResourceProperties('AWS::Amplify::App', {
      Repository: 'https://github.com/acme/shop',
      AccessToken: '{{resolve:secretsmanager:clicktrail/amplify-token}}',
    });
  });
});

describe('raw catalog', () => {
  it('projects the dt partition over events/YYYY/MM/DD/ of the raw bucket', () => {
    const raw = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-ingest' });
    const location = { 'Fn::Join': ['', ['s3://', ref(raw), '/events/']] };
    template.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: 'clickstream_raw',
      TableInput: Match.objectLike({
        Name: 'raw_events',
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
        Parameters: Match.objectLike({
          'projection.enabled': 'true',
          'projection.dt.type': 'date',
          'projection.dt.format': 'yyyy/MM/dd',
          'storage.location.template': {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's placeholder, not JS.
            'Fn::Join': ['', ['s3://', ref(raw), '/events/${dt}/']],
          },
        }),
        StorageDescriptor: Match.objectLike({
          Location: location,
          SerdeInfo: Match.objectLike({
            SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
          }),
          Columns: Match.arrayWith([
            { Name: 'event_id', Type: 'string' },
            { Name: 'event_timestamp', Type: 'bigint' },
          ]),
        }),
      }),
    });
  });
});

describe('outputs', () => {
  it.each(['IngestUrl', 'RawBucketName', 'UserPoolId', 'UserPoolClientId', 'DashboardPortForward'])(
    'exports %s',
    (name) => {
      template.hasOutput(name, { Value: Match.anyValue() });
    },
  );

  it('prints the SSM port-forward command for the dashboard on 3838', () => {
    const value = JSON.stringify(template.findOutputs('DashboardPortForward').DashboardPortForward);
    expect(value).toContain('aws ssm start-session');
    expect(value).toContain('AWS-StartPortForwardingSession');
    expect(value).toContain('{\\"portNumber\\":[\\"3838\\"],\\"localPortNumber\\":[\\"3838\\"]}');
  });
});

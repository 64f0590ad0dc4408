import { Aws } from 'aws-cdk-lib';
import * as amplify from 'aws-cdk-lib/aws-amplify';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

export interface StoreHostingProps {
  ingestUrl: string;
  userPoolId: string;
  userPoolClientId: string;
  databaseHost: string;
  databaseSecret: secrets.ISecret;
  /** Git repository URL; empty for an app deployed by upload (no Git connection). */
  repository: string;
  branch: string;
  tokenSecretName: string;
}

export const storeAppRoot = 'examples/nextjs-store';

/** The names examples/nextjs-store reads (its README), set on the Amplify app. */
export const STORE_RUNTIME_VARIABLES = [
  'NEXT_PUBLIC_CLICKTRAIL_ENDPOINT',
  'NEXT_PUBLIC_CLICKTRAIL_APP_ID',
  'COGNITO_USER_POOL_ID',
  'COGNITO_CLIENT_ID',
  'COGNITO_REGION',
  'DATABASE_HOST',
  'DATABASE_SECRET_ARN',
];

/** Amplify's monorepo build: install the workspace, build only the store. */
const buildSpec = `version: 1
applications:
  - appRoot: ${storeAppRoot}
    frontend:
      phases:
        preBuild:
          commands:
            - npm install -g pnpm@12
            - pnpm install --frozen-lockfile
        build:
          commands:
            # Amplify hands variables to the build only; the store reads its settings at
            # request time, so they go into .env.production for the server.
            - env | grep -E '^(${STORE_RUNTIME_VARIABLES.join('|')})=' >> .env.production
            - pnpm run build
      artifacts:
        baseDirectory: .next
        files: ['**/*']
      cache:
        paths: ['.next/cache/**/*']
`;

/**
 * Amplify Hosting (SSR, CloudFront in front) for the example Next.js store.
 * Public settings go in as NEXT_PUBLIC_* variables; the OLTP password stays
 * in Secrets Manager and is read at run time through the compute role.
 */
export class StoreHosting extends Construct {
  readonly app: amplify.CfnApp;
  readonly branch: amplify.CfnBranch;

  constructor(scope: Construct, id: string, props: StoreHostingProps) {
    super(scope, id);
    const computeRole = new iam.Role(this, 'ComputeRole', {
      assumedBy: new iam.ServicePrincipal('amplify.amazonaws.com'),
      description: 'Store server-side code: reads the OLTP login secret, nothing else',
    });
    props.databaseSecret.grantRead(computeRole);

    const environment: Record<string, string> = {
      AMPLIFY_MONOREPO_APP_ROOT: storeAppRoot,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_PUBLIC_CLICKTRAIL_ENDPOINT: props.ingestUrl,
      NEXT_PUBLIC_CLICKTRAIL_APP_ID: 'clicktrail-store',
      COGNITO_USER_POOL_ID: props.userPoolId,
      COGNITO_CLIENT_ID: props.userPoolClientId,
      COGNITO_REGION: Aws.REGION,
      DATABASE_HOST: props.databaseHost,
      DATABASE_SECRET_ARN: props.databaseSecret.secretArn,
    };
    this.app = new amplify.CfnApp(this, 'App', {
      name: 'clicktrail-store',
      description: 'Clicktrail example store (examples/nextjs-store)',
      platform: 'WEB_COMPUTE',
      buildSpec,
      computeRoleArn: computeRole.roleArn,
      environmentVariables: Object.entries(environment).map(([name, value]) => ({ name, value })),
      ...(props.repository
        ? {
            repository: props.repository,
            accessToken: `{{resolve:secretsmanager:${props.tokenSecretName}}}`,
          }
        : {}),
    });
    this.branch = new amplify.CfnBranch(this, 'Branch', {
      appId: this.app.attrAppId,
      branchName: props.branch,
      framework: 'Next.js - SSR',
      stage: 'PRODUCTION',
      enableAutoBuild: !!props.repository,
    });
  }

  get url(): string {
    return `https://${this.branch.branchName}.${this.app.attrDefaultDomain}`;
  }
}

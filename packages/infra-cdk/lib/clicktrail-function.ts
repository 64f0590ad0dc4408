import { Duration } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';

export interface ClicktrailFunctionProps {
  functionName: string;
  /** Absolute path of the TypeScript entry exporting `handler`. */
  entry: string;
  description: string;
  environment: Record<string, string>;
  logRetention: logs.RetentionDays;
  timeout?: Duration;
  memorySize?: number;
  reservedConcurrentExecutions?: number;
  /** Modules the handler imports only on paths Lambda never takes (left out of the bundle). */
  unusedModules?: string[];
  deadLetterQueue?: sqs.IQueue;
  vpc?: { vpc: ec2.IVpc; subnets: ec2.SubnetSelection; securityGroups: ec2.ISecurityGroup[] };
}

/**
 * The defaults every Clicktrail function needs, in one place: Node 22 on
 * arm64, an ESM bundle built from workspace TypeScript source (the
 * `@clicktrail/source` export condition), its own log group with retention,
 * and its own role that can write to that log group and nothing else. Each
 * caller then grants exactly what its handler needs.
 */
export class ClicktrailFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ClicktrailFunctionProps) {
    super(scope, id);
    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${props.functionName}`,
      retention: props.logRetention,
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.functionName}: its logs plus the grants its construct adds`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    if (props.vpc) this.allowVpcNetworking();
    acknowledge(
      this,
      ['AwsSolutions-L1'],
      'Pinned to nodejs22.x, the newest runtime the workspace builds and tests against (Node 20/22 toolchain); moving to a newer one is this one line once the workspace does.',
    );

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      functionName: props.functionName,
      description: props.description,
      entry: props.entry,
      handler: 'handler',
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps', ...props.environment },
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      deadLetterQueue: props.deadLetterQueue,
      ...(props.vpc
        ? {
            vpc: props.vpc.vpc,
            vpcSubnets: props.vpc.subnets,
            securityGroups: props.vpc.securityGroups,
            allowPublicSubnet: false,
          }
        : {}),
      bundling: {
        format: nodejs.OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        // Maps stack traces to file:line without shipping the sources twice.
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // The runtime ships the AWS SDK v3; pg only requires pg-native when asked to.
        externalModules: ['@aws-sdk/*', 'pg-native', ...(props.unusedModules ?? [])],
        esbuildArgs: { '--conditions': '@clicktrail/source' },
        // CommonJS dependencies bundled into ESM still call require().
        banner: "import{createRequire}from'module';const require=createRequire(import.meta.url);",
      },
    });
  }

  /** What Lambda needs to manage its ENIs; EC2 has no resource-level scope for them. */
  private allowVpcNetworking(): void {
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: [
          'ec2:CreateNetworkInterface',
          'ec2:DescribeNetworkInterfaces',
          'ec2:DescribeSubnets',
          'ec2:DeleteNetworkInterface',
          'ec2:AssignPrivateIpAddresses',
          'ec2:UnassignPrivateIpAddresses',
        ],
        resources: ['*'],
      }),
    );
    acknowledge(
      this.role,
      ['AwsSolutions-IAM5[Resource::*]'],
      'Lambda VPC ENI management (the actions of AWSLambdaVPCAccessExecutionRole) has no resource-level scope in EC2.',
    );
  }
}

import { Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';
import { ClicktrailFunction } from './clicktrail-function.js';

export interface IngestProps {
  entry: string;
  rawBucket: s3.IBucket;
  corsOrigins: string[];
  throttleRate: number;
  throttleBurst: number;
  logRetention: logs.RetentionDays;
}

/**
 * `POST /clickstream` on the HTTP API `clickstream-http-api`, handled by
 * `clickstream-lambda-ingest` outside the VPC (it needs nothing inside it).
 * The function may write new raw objects and nothing else: no read, no
 * list, no delete, so a compromised handler cannot exfiltrate or erase data.
 */
export class Ingest extends Construct {
  readonly api: apigw.HttpApi;
  readonly fn: ClicktrailFunction;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);
    this.fn = new ClicktrailFunction(this, 'Lambda', {
      functionName: 'clickstream-lambda-ingest',
      description: 'Validates and enriches clickstream batches, writes raw NDJSON to S3',
      entry: props.entry,
      environment: {
        RAW_BUCKET: props.rawBucket.bucketName,
        // The handler checks origins too (it also runs without API Gateway); keep both in step.
        ALLOWED_ORIGINS: props.corsOrigins.join(','),
      },
      logRetention: props.logRetention,
    });
    this.fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject'],
        resources: ['events/*', 'rejected/*'].map((p) => props.rawBucket.arnForObjects(p)),
      }),
    );

    this.api = new apigw.HttpApi(this, 'Api', {
      apiName: 'clickstream-http-api',
      description: 'Clicktrail ingest: POST /clickstream',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: props.corsOrigins,
        allowMethods: [apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type'],
        // The SDK backs off by Retry-After on a 503; browsers hide it unless exposed.
        exposeHeaders: ['Retry-After'],
      },
    });
    this.api.addRoutes({
      path: '/clickstream',
      methods: [apigw.HttpMethod.POST],
      integration: new HttpLambdaIntegration('Ingest', this.fn.fn),
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.api.addStage('Stage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate, burstLimit: props.throttleBurst },
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });
    acknowledge(
      this.api,
      ['AwsSolutions-APIG4'],
      'Browsers of anonymous shoppers send events before any login; the route is public by design and protected by CORS, stage throttling and per-event validation.',
    );
    const rawArn = `${Stack.of(this).getLogicalId(props.rawBucket.node.defaultChild as s3.CfnBucket)}.Arn`;
    acknowledge(
      this.fn.role,
      ['events', 'rejected'].map((p) => `AwsSolutions-IAM5[Resource::<${rawArn}>/${p}/*]`),
      'Ingest writes one object per request under date-based keys it cannot know in advance; the wildcard is limited to the events/ and rejected/ prefixes of the raw bucket.',
    );
  }

  get url(): string {
    return `${this.api.apiEndpoint}/clickstream`;
  }
}

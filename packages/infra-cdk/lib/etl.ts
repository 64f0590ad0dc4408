import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secrets from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';
import { ClicktrailFunction } from './clicktrail-function.js';

export interface EtlProps {
  entry: string;
  vpc: ec2.IVpc;
  subnets: ec2.SubnetSelection;
  securityGroup: ec2.ISecurityGroup;
  rawBucket: s3.IBucket;
  warehouseHost: string;
  warehouseUser: string;
  warehouseDatabase: string;
  warehouseSecret: secrets.ISecret;
  schedule: string;
  logRetention: logs.RetentionDays;
}

/**
 * The ETL Lambda in the private subnet, run by an EventBridge schedule.
 * One run at a time (reserved concurrency 1; the loader also takes an
 * advisory lock). The password is not in the environment: the function
 * reads the secret named by DWH_SECRET_ARN through the Secrets Manager
 * endpoint. AWS_REGION is set by Lambda itself (a reserved variable).
 */
export class Etl extends Construct {
  readonly fn: ClicktrailFunction;
  readonly rule: events.Rule;
  readonly deadLetters: sqs.Queue;
  readonly errorsAlarm: cloudwatch.Alarm;
  readonly backlogAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: EtlProps) {
    super(scope, id);
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    acknowledge(
      this.deadLetters,
      ['AwsSolutions-SQS3'],
      'This queue is itself the dead-letter queue of the ETL schedule and function.',
    );

    this.fn = new ClicktrailFunction(this, 'Lambda', {
      functionName: 'clickstream-lambda-etl',
      description: 'Loads new raw objects from S3 into the clickstream_dw warehouse',
      entry: props.entry,
      timeout: Duration.minutes(5),
      memorySize: 512,
      reservedConcurrentExecutions: 1,
      // PGlite (the embedded warehouse) is imported dynamically, only when no DWH_HOST is set.
      unusedModules: ['@electric-sql/*'],
      deadLetterQueue: this.deadLetters,
      vpc: { vpc: props.vpc, subnets: props.subnets, securityGroups: [props.securityGroup] },
      environment: {
        DWH_HOST: props.warehouseHost,
        DWH_PORT: '5432',
        DWH_USER: props.warehouseUser,
        DWH_DATABASE: props.warehouseDatabase,
        DWH_SECRET_ARN: props.warehouseSecret.secretArn,
        RAW_BUCKET: props.rawBucket.bucketName,
      },
      logRetention: props.logRetention,
    });
    // Read-only: list the bucket, read raw objects; never write or delete.
    this.fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [props.rawBucket.bucketArn],
      }),
    );
    this.fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        // rejected/: the events ingest refused, counted (never loaded) for data health.
        resources: ['events/*', 'rejected/*'].map((p) => props.rawBucket.arnForObjects(p)),
      }),
    );
    props.warehouseSecret.grantRead(this.fn.role);
    const rawArn = `${Stack.of(this).getLogicalId(props.rawBucket.node.defaultChild as s3.CfnBucket)}.Arn`;
    acknowledge(
      this.fn.role,
      ['events', 'rejected'].map((p) => `AwsSolutions-IAM5[Resource::<${rawArn}>/${p}/*]`),
      'The ETL reads every raw object under events/ and rejected/ (new keys appear hourly); read-only, limited to those prefixes.',
    );

    this.rule = new events.Rule(this, 'Schedule', {
      description: 'Runs the clickstream ETL',
      schedule: events.Schedule.expression(props.schedule),
      targets: [
        new targets.LambdaFunction(this.fn.fn, {
          deadLetterQueue: this.deadLetters,
          retryAttempts: 2,
        }),
      ],
    });

    this.errorsAlarm = this.fn.fn
      .metricErrors({ period: Duration.hours(1), statistic: 'Sum' })
      .createAlarm(this, 'Errors', {
        alarmDescription: 'The clickstream ETL failed at least once in the last hour',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });

    // The ETL logs this metric as EMF on every run (etl-lambda's metrics.ts, no dimensions).
    // Two hours without catching up, or two hours without a run at all, is a stall.
    this.backlogAlarm = new cloudwatch.Metric({
      namespace: 'Clicktrail/ETL',
      metricName: 'OldestUnloadedObjectAge',
      period: Duration.hours(1),
      statistic: 'Maximum',
    }).createAlarm(this, 'Backlog', {
      alarmDescription:
        'The oldest raw object not yet loaded is over 2 hours old, or the ETL has not reported for 2 hours',
      threshold: 7_200,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}

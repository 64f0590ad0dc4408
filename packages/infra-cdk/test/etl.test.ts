import { BACKLOG_METRIC, METRICS_NAMESPACE, metricsLine } from '@clicktrail/etl-lambda/metrics';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, logicalId, ref, synthTemplate } from './template.js';

const template = synthTemplate();
const resources = template.toJSON().Resources;
const fn = logicalId(template, 'AWS::Lambda::Function', { FunctionName: 'clickstream-lambda-etl' });
const fnProps = resources[fn].Properties;
const roleId = fnProps.Role['Fn::GetAtt'][0] as string;
const raw = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-ingest' });
const etlSg = logicalId(template, 'AWS::EC2::SecurityGroup', {
  GroupDescription: Match.stringLikeRegexp('^ETL'),
});
const dlq = logicalId(template, 'AWS::SQS::Queue', {});
const warehouseSecret = logicalId(template, 'AWS::SecretsManager::Secret', {
  GenerateSecretString: Match.objectLike({
    SecretStringTemplate: Match.stringLikeRegexp('clickstream_dw'),
  }),
});

describe('ETL', () => {
  it('runs in the private subnet with the ETL security group only', () => {
    const privateSubnet = logicalId(template, 'AWS::EC2::Subnet', { CidrBlock: '10.0.128.0/20' });
    expect(fnProps.VpcConfig).toEqual({
      SubnetIds: [ref(privateSubnet)],
      SecurityGroupIds: [getAtt(etlSg, 'GroupId')],
    });
  });

  it("has the reference design's environment, with the password left in Secrets Manager", () => {
    const warehouse = logicalId(template, 'AWS::EC2::Instance', {
      NetworkInterfaces: [Match.objectLike({ AssociatePublicIpAddress: false })],
    });
    expect(fnProps.Environment.Variables).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      DWH_HOST: getAtt(warehouse, 'PrivateIp'),
      DWH_PORT: '5432',
      DWH_USER: 'clicktrail',
      DWH_DATABASE: 'clickstream_dw',
      DWH_SECRET_ARN: ref(warehouseSecret),
      RAW_BUCKET: ref(raw),
    });
  });

  it('may list the raw bucket, read events/ and rejected/, read the DW secret, and nothing more', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [ref(roleId)],
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] }),
          Match.objectLike({ Action: Match.arrayWith(['ec2:CreateNetworkInterface']) }),
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: getAtt(dlq, 'Arn') },
          { Effect: 'Allow', Action: 's3:ListBucket', Resource: getAtt(raw, 'Arn') },
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: ['/events/*', '/rejected/*'].map((p) => ({
              'Fn::Join': ['', [getAtt(raw, 'Arn'), p]],
            })),
          },
          {
            Effect: 'Allow',
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: ref(warehouseSecret),
          },
        ],
      },
    });
  });

  it('runs one at a time and sends failed invocations to the dead-letter queue', () => {
    expect(fnProps.ReservedConcurrentExecutions).toBe(1);
    expect(fnProps.DeadLetterConfig).toEqual({ TargetArn: getAtt(dlq, 'Arn') });
  });

  it('is started by an EventBridge rule every hour', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 hour)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: getAtt(fn, 'Arn'),
          DeadLetterConfig: { Arn: getAtt(dlq, 'Arn') },
          RetryPolicy: { MaximumRetryAttempts: 2 },
        }),
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: getAtt(fn, 'Arn'),
      Principal: 'events.amazonaws.com',
    });
  });

  it('alarms when the function reports an error', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: ref(fn) }],
      Statistic: 'Sum',
      Period: 3600,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it('alarms when the oldest unloaded object is over 2 hours old, on the metric the ETL logs', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: METRICS_NAMESPACE,
      MetricName: BACKLOG_METRIC,
      Statistic: 'Maximum',
      Period: 3600,
      Threshold: 7200,
      EvaluationPeriods: 2,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'breaching',
    });
    // The ETL publishes it without dimensions; an alarm with any would watch nothing.
    const alarms = Object.values(
      template.findResources('AWS::CloudWatch::Alarm', {
        Properties: { MetricName: BACKLOG_METRIC },
      }),
    );
    expect(alarms.map((alarm) => alarm.Properties.Dimensions)).toEqual([undefined]);
    expect(metricsLine(summaryWithBacklog(7_300))).toContain(`"${BACKLOG_METRIC}":7300`);
  });

  it('takes its schedule from the config', () => {
    synthTemplate({ config: { etlSchedule: 'rate(15 minutes)' } }).hasResourceProperties(
      'AWS::Events::Rule',
      { ScheduleExpression: 'rate(15 minutes)' },
    );
  });
});

/** A run summary as the ETL returns it, with the backlog age at its start. */
function summaryWithBacklog(ageSeconds: number): Parameters<typeof metricsLine>[0] {
  return {
    status: 'done',
    run_id: 'r',
    full_scan: false,
    objects: 0,
    rows_loaded: 0,
    duplicates: 0,
    quarantined: 0,
    already_loaded: 0,
    pending_at_start: 1,
    pending_after: 0,
    oldest_pending_age_s: ageSeconds,
    skipped_keys: 0,
    skipped_key_samples: [],
    rejected_events: 0,
    derived_days: [],
    sessions_rebuilt: 0,
    load_ms: 0,
    derive_ms: 0,
    duration_ms: 0,
  };
}

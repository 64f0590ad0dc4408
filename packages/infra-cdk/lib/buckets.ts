import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';

export interface BucketsProps {
  rawBucketName: string;
  assetsBucketName: string;
  rawInfrequentAccessDays: number;
  rawGlacierDays: number;
}

/** Settings every bucket here shares: private, TLS only, encrypted, access-logged. */
function privateBucket(logs: s3.IBucket | undefined): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    ...(logs ? { serverAccessLogsBucket: logs } : {}),
  };
}

/**
 * The raw bucket holds raw clickstream NDJSON only (the source of truth,
 * so it is retained on stack deletion); website assets and the dashboard
 * artifact live in a separate bucket, as in the reference design.
 */
export class Buckets extends Construct {
  readonly raw: s3.Bucket;
  readonly assets: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: BucketsProps) {
    super(scope, id);
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...privateBucket(undefined),
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogs,
      ['AwsSolutions-S1'],
      'This is the access-log bucket itself; logging it into itself would loop.',
    );

    this.raw = new s3.Bucket(this, 'Raw', {
      ...privateBucket(this.accessLogs),
      bucketName: props.rawBucketName,
      serverAccessLogsPrefix: 'raw/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'old-raw-to-cheaper-storage',
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          transitions: [
            {
              storageClass: s3.StorageClass.INFREQUENT_ACCESS,
              transitionAfter: Duration.days(props.rawInfrequentAccessDays),
            },
            {
              // Instant Retrieval keeps old raw data readable by Athena and replays.
              storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.rawGlacierDays),
            },
          ],
        },
      ],
    });

    this.assets = new s3.Bucket(this, 'Assets', {
      ...privateBucket(this.accessLogs),
      bucketName: props.assetsBucketName,
      serverAccessLogsPrefix: 'assets/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

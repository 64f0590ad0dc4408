import { Match } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { getAtt, logicalId, synthTemplate } from './template.js';

const template = synthTemplate();
const raw = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-ingest' });
const assets = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-sbw' });
const blockAll = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

describe('buckets', () => {
  it.each([
    ['raw', 'clickstream-s3-ingest'],
    ['assets', 'clickstream-s3-sbw'],
  ])('keeps the %s bucket private, encrypted and access-logged', (_, name) => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: name,
      PublicAccessBlockConfiguration: blockAll,
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          { ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
        ],
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
  });

  it.each([
    ['raw', () => raw],
    ['assets', () => assets],
  ])('denies every non-TLS request to the %s bucket', (_, id) => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id() },
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Resource: [getAtt(id(), 'Arn'), { 'Fn::Join': ['', [getAtt(id(), 'Arn'), '/*']] }],
          },
        ]),
      },
    });
  });

  it('lets S3 deliver access logs of the raw bucket by bucket policy, not ACLs', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': getAtt(raw, 'Arn') } }),
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'raw/' }),
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('moves old raw data to Standard-IA at 30 days and Glacier IR at 90', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'clickstream-s3-ingest',
      LifecycleConfiguration: {
        Rules: [
          Match.objectLike({
            Status: 'Enabled',
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
            Transitions: [
              { StorageClass: 'STANDARD_IA', TransitionInDays: 30 },
              { StorageClass: 'GLACIER_IR', TransitionInDays: 90 },
            ],
          }),
        ],
      },
    });
  });

  it('retains the raw bucket when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({ BucketName: 'clickstream-s3-ingest' }),
      DeletionPolicy: 'Retain',
    });
  });

  it('takes the raw bucket name from the config', () => {
    synthTemplate({ config: { rawBucketName: 'shop-clicks-raw' } }).hasResourceProperties(
      'AWS::S3::Bucket',
      { BucketName: 'shop-clicks-raw', PublicAccessBlockConfiguration: blockAll },
    );
  });
});

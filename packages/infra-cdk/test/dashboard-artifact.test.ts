import { Match } from 'aws-cdk-lib/assertions';
import { describe, it } from 'vitest';
import { logicalId, ref, synthTemplate } from './template.js';

const template = synthTemplate();

describe('dashboard artifact', () => {
  it('is uploaded to the key the warehouse host fetches, without pruning the prefix', () => {
    const assets = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-sbw' });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: ref(assets),
      DestinationBucketKeyPrefix: 'dashboard/',
      Prune: false,
      Include: ['clicktrail-dashboard.tgz'],
      SourceBucketNames: [Match.anyValue()],
    });
  });
});

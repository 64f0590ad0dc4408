import { Aws, Stack } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';

/**
 * The id of the AWS-managed prefix list of S3 in the deployed region
 * (`com.amazonaws.<region>.s3`). Security-group egress to S3 through the
 * gateway endpoint must name it, CloudFormation cannot return it, and a
 * context lookup would need credentials at synth; so it is read at deploy
 * time by one SDK call.
 */
/** Construct id CDK gives the AwsCustomResource provider function (fixed in aws-cdk-lib). */
const AwsCustomResourceSingletonId = 'AWS679f53fac002430cb0da5b7982bd2287';

export class S3PrefixList extends Construct {
  readonly prefixListId: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const call: cr.AwsSdkCall = {
      service: 'EC2',
      action: 'describeManagedPrefixLists',
      parameters: {
        Filters: [{ Name: 'prefix-list-name', Values: [`com.amazonaws.${Aws.REGION}.s3`] }],
      },
      physicalResourceId: cr.PhysicalResourceId.of(`s3-prefix-list-${Aws.REGION}`),
      outputPaths: ['PrefixLists.0.PrefixListId'],
    };
    const lookup = new cr.AwsCustomResource(this, 'Lookup', {
      onCreate: call,
      onUpdate: call,
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({
        resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE,
      }),
      installLatestAwsSdk: false,
    });
    this.prefixListId = lookup.getResponseField('PrefixLists.0.PrefixListId');
    // The SDK-call function is a stack-wide singleton, created beside this construct.
    const provider = Stack.of(this).node.findChild(AwsCustomResourceSingletonId);
    acknowledge(
      provider,
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      ],
      "CDK's AwsCustomResource provider function: the managed policy only lets it write its own logs.",
    );
    acknowledge(
      lookup,
      ['AwsSolutions-IAM5[Resource::*]'],
      'ec2:DescribeManagedPrefixLists supports no resource-level permissions; the role can only read prefix-list metadata.',
    );
  }
}

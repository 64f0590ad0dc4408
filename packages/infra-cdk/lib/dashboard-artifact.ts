import { execFileSync } from 'node:child_process';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DockerImage, Stack } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge } from './acknowledge.js';

const dashboardPackage = fileURLToPath(new URL('../../dashboard/', import.meta.url));

export interface DashboardArtifactProps {
  assetsBucket: s3.IBucket;
  /** Key of the tarball in the bucket, e.g. `dashboard/clicktrail-dashboard.tgz`. */
  artifactKey: string;
}

/**
 * Builds the dashboard artifact at synth (`node packages/dashboard/build.mjs --artifact`,
 * locally, as NodejsFunction bundles the Lambdas) and uploads it to the assets bucket, where
 * the warehouse host's systemd unit fetches it on every start.
 */
export class DashboardArtifact extends Construct {
  constructor(scope: Construct, id: string, props: DashboardArtifactProps) {
    super(scope, id);
    const { dir, base } = posix.parse(props.artifactKey);
    const source = s3deploy.Source.asset(dashboardPackage, {
      bundling: {
        // Only used if local bundling fails; the build needs nothing but Node and esbuild.
        image: DockerImage.fromRegistry('node:20'),
        local: {
          tryBundle(outputDir: string) {
            execFileSync(process.execPath, ['build.mjs', '--artifact', '--out', outputDir], {
              cwd: dashboardPackage,
              stdio: 'inherit',
            });
            return true;
          },
        },
      },
    });
    const upload = new s3deploy.BucketDeployment(this, 'Upload', {
      destinationBucket: props.assetsBucket,
      destinationKeyPrefix: dir ? `${dir}/` : undefined,
      sources: [source],
      include: [base],
      // Other files under the prefix (older artifacts kept by hand) stay.
      prune: false,
    });
    // The copy runs in CDK's one BucketDeployment function per stack, built by the library.
    const stack = Stack.of(this);
    const handler = stack.node.children.find((c) =>
      c.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    const assetsArn = `${stack.getLogicalId(props.assetsBucket.node.defaultChild as s3.CfnBucket)}.Arn`;
    acknowledge(
      handler ?? upload,
      [
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        ...['GetObject*', 'GetBucket*', 'List*', 'DeleteObject*', 'Abort*'].map(
          (a) => `AwsSolutions-IAM5[Action::s3:${a}]`,
        ),
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        `AwsSolutions-IAM5[Resource::<${assetsArn}>/*]`,
        'AwsSolutions-L1',
      ],
      "CDK's BucketDeployment function: the library's role, runtime and copy permissions (read the CDK asset, write the assets bucket), run only at deploy time.",
    );
  }
}

import { Aws } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { dashboardScript } from './dashboard-user-data.js';
import { PostgresHost } from './postgres-host.js';

export interface WarehouseProps {
  vpc: ec2.IVpc;
  subnets: ec2.SubnetSelection;
  securityGroup: ec2.ISecurityGroup;
  instanceType: string;
  user: string;
  assetsBucket: s3.IBucket;
  dashboardArtifactKey: string;
}

export const dashboardPort = 3838;

/**
 * The analytics host: PostgreSQL `clickstream_dw` and the dashboard on
 * 3838, in the private subnet with no public IP. It reaches S3 (packages
 * and the dashboard artifact) through the gateway endpoint and SSM and
 * Secrets Manager through the interface endpoints; nothing else.
 */
export class Warehouse extends Construct {
  readonly host: PostgresHost;
  static readonly database = 'clickstream_dw';

  constructor(scope: Construct, id: string, props: WarehouseProps) {
    super(scope, id);
    const { vpc } = props;
    this.host = new PostgresHost(this, 'Host', {
      vpc,
      subnets: props.subnets,
      securityGroup: props.securityGroup,
      instanceType: props.instanceType,
      database: Warehouse.database,
      user: props.user,
      // The ETL's ENIs live in the private subnets; its security group is the real gate.
      // Explicit, so a subnet setting can never give the warehouse a public address.
      publicIp: false,
      clientCidrs: vpc.isolatedSubnets.map((s) => s.ipv4CidrBlock),
      extraUserData: () =>
        dashboardScript({
          assetsBucket: props.assetsBucket.bucketName,
          artifactKey: props.dashboardArtifactKey,
          region: Aws.REGION,
          database: Warehouse.database,
          user: props.user,
          port: dashboardPort,
        }),
    });
    this.host.instance.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.assetsBucket.arnForObjects(props.dashboardArtifactKey)],
      }),
    );
  }

  get instanceId(): string {
    return this.host.instance.instanceId;
  }
}

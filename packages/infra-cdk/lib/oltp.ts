import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { PostgresHost } from './postgres-host.js';

export interface OltpProps {
  vpc: ec2.IVpc;
  securityGroup: ec2.ISecurityGroup;
  instanceType: string;
  user: string;
}

/**
 * The store's OLTP database `clickstream_web` on a host in the public
 * subnet, as in the reference design: Amplify's compute has no fixed
 * addresses inside the VPC, so the store reaches it over the internet, and
 * the OLTP security group (app and admin CIDRs only) is the gate. An
 * Elastic IP keeps the store's DATABASE_URL valid across stop and start.
 */
export class Oltp extends Construct {
  static readonly database = 'clickstream_web';
  readonly host: PostgresHost;
  readonly address: ec2.CfnEIP;

  constructor(scope: Construct, id: string, props: OltpProps) {
    super(scope, id);
    this.host = new PostgresHost(this, 'Host', {
      vpc: props.vpc,
      subnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: props.securityGroup,
      instanceType: props.instanceType,
      publicIp: true,
      database: Oltp.database,
      user: props.user,
      // The OLTP security group decides who reaches 5432; pg_hba only demands a password.
      clientCidrs: ['0.0.0.0/0'],
    });
    this.address = new ec2.CfnEIP(this, 'Address', {
      domain: 'vpc',
      instanceId: this.host.instance.instanceId,
    });
  }
}

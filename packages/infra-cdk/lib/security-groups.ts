import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { S3PrefixList } from './s3-prefix-list.js';

export interface SecurityGroupsProps {
  vpc: ec2.IVpc;
  endpointSecurityGroup: ec2.ISecurityGroup;
  oltpAppCidrs: string[];
  oltpAdminCidrs: string[];
  oltpSshCidrs: string[];
}

/**
 * The reference design's security groups. Outbound is closed by default
 * (allowAllOutbound: false) wherever the reference lists what a host may
 * reach, so the rules below are the whole story.
 */
export class SecurityGroups extends Construct {
  readonly oltp: ec2.SecurityGroup;
  readonly analytics: ec2.SecurityGroup;
  readonly etl: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityGroupsProps) {
    super(scope, id);
    const { vpc } = props;
    // OLTP lives in the public subnet and installs packages from the internet.
    this.oltp = new ec2.SecurityGroup(this, 'Oltp', {
      vpc,
      description: 'OLTP PostgreSQL clickstream_web: 5432 from app and admin CIDRs',
      allowAllOutbound: true,
    });
    for (const cidr of [...props.oltpAppCidrs, ...props.oltpAdminCidrs]) {
      this.oltp.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(5432), `PostgreSQL from ${cidr}`);
    }
    for (const cidr of props.oltpSshCidrs) {
      this.oltp.addIngressRule(ec2.Peer.ipv4(cidr), ec2.Port.tcp(22), `SSH from ${cidr}`);
    }

    this.analytics = new ec2.SecurityGroup(this, 'Analytics', {
      vpc,
      description: 'Warehouse and dashboard: 5432 from the ETL only; 3838 via SSM forward only',
      allowAllOutbound: false,
    });
    this.etl = new ec2.SecurityGroup(this, 'Etl', {
      vpc,
      description: 'ETL Lambda: egress to the warehouse 5432, S3 and Secrets Manager only',
      allowAllOutbound: false,
    });
    this.analytics.addIngressRule(this.etl, ec2.Port.tcp(5432), 'PostgreSQL from the ETL');
    this.etl.addEgressRule(this.analytics, ec2.Port.tcp(5432), 'PostgreSQL to the warehouse');

    // Both private groups reach S3 (gateway endpoint) and the interface endpoints, nothing else.
    const s3 = ec2.Peer.prefixList(new S3PrefixList(this, 'S3PrefixList').prefixListId);
    for (const group of [this.analytics, this.etl]) {
      group.addEgressRule(s3, ec2.Port.tcp(443), 'HTTPS to S3');
      group.addEgressRule(
        props.endpointSecurityGroup,
        ec2.Port.tcp(443),
        'HTTPS to the interface endpoints',
      );
    }
  }
}

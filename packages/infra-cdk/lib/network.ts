import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ReferenceCidrs } from './reference-cidrs.js';

export interface NetworkProps {
  azCount: number;
  logRetention: logs.RetentionDays;
}

/**
 * The reference VPC: a public and a private /20 per AZ, no NAT gateway, so
 * the private subnets have no default route at all. The private side reaches
 * AWS only through endpoints: S3 through a gateway endpoint (free), Session
 * Manager and Secrets Manager through interface endpoints.
 */
export class Network extends Construct {
  readonly vpc: ec2.Vpc;
  readonly endpointSecurityGroup: ec2.SecurityGroup;
  /** Every endpoint, for hosts whose first boot needs them. */
  readonly endpoints: ec2.IVpcEndpoint[] = [];
  readonly privateSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: new ReferenceCidrs(),
      maxAzs: props.azCount,
      natGateways: 0,
      // The default SG is unused; closing it keeps a mistaken attachment harmless.
      restrictDefaultSecurityGroup: true,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 20 },
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 },
      ],
    });
    this.endpoints.push(
      this.vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 }),
    );
    this.vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(
        new logs.LogGroup(this, 'FlowLogs', { retention: props.logRetention }),
      ),
    });

    this.endpointSecurityGroup = new ec2.SecurityGroup(this, 'EndpointSg', {
      vpc: this.vpc,
      description: 'Interface endpoints: 443 from the private subnets only',
      allowAllOutbound: false,
    });
    for (const { ipv4CidrBlock: cidr } of this.vpc.isolatedSubnets) {
      this.endpointSecurityGroup.addIngressRule(
        ec2.Peer.ipv4(cidr),
        ec2.Port.tcp(443),
        `HTTPS from private subnet ${cidr}`,
      );
    }

    // secretsmanager is not in the reference design: without it the ETL and
    // the warehouse could only get the DW password through plain-text env.
    const services = {
      Ssm: ec2.InterfaceVpcEndpointAwsService.SSM,
      SsmMessages: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES,
      Ec2Messages: ec2.InterfaceVpcEndpointAwsService.EC2_MESSAGES,
      SecretsManager: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
    };
    for (const [name, service] of Object.entries(services)) {
      const endpoint = this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: this.privateSubnets,
        securityGroups: [this.endpointSecurityGroup],
        open: false,
        privateDnsEnabled: true,
      });
      this.endpoints.push(endpoint);
    }
  }
}

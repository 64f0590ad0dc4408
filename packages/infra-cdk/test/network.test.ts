import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, logicalId, propertiesOf, ref, synthTemplate } from './template.js';

const template = synthTemplate();
const subnet = (cidr: string) => logicalId(template, 'AWS::EC2::Subnet', { CidrBlock: cidr });
const routeTableOf = (subnetId: string) =>
  propertiesOf(template, 'AWS::EC2::SubnetRouteTableAssociation').find(
    (a) => JSON.stringify(a.SubnetId) === JSON.stringify(ref(subnetId)),
  )?.RouteTableId as { Ref: string };

describe('network', () => {
  it('uses the reference CIDRs: VPC /16, public 10.0.0.0/20, private 10.0.128.0/20', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
    const cidrs = propertiesOf(template, 'AWS::EC2::Subnet').map((s) => s.CidrBlock);
    expect(cidrs.sort()).toEqual(['10.0.0.0/20', '10.0.128.0/20']);
    template.hasResourceProperties('AWS::EC2::Subnet', {
      CidrBlock: '10.0.128.0/20',
      MapPublicIpOnLaunch: false,
    });
  });

  it('has no NAT gateway and no default route from the private subnet', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    const privateTable = routeTableOf(subnet('10.0.128.0/20'));
    const routesFromPrivate = propertiesOf(template, 'AWS::EC2::Route').filter(
      (r) => JSON.stringify(r.RouteTableId) === JSON.stringify(privateTable),
    );
    expect(routesFromPrivate).toEqual([]);
  });

  it('routes the public subnet to the internet gateway', () => {
    template.hasResourceProperties('AWS::EC2::Route', {
      RouteTableId: routeTableOf(subnet('10.0.0.0/20')),
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: Match.objectLike({ Ref: Match.stringLikeRegexp('IGW') }),
    });
  });

  it('attaches the S3 gateway endpoint to the private route table', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, '.s3']] },
      RouteTableIds: Match.arrayWith([routeTableOf(subnet('10.0.128.0/20'))]),
    });
  });

  it.each(['ssm', 'ssmmessages', 'ec2messages', 'secretsmanager'])(
    'has a private-DNS interface endpoint for %s in the private subnet',
    (service) => {
      const endpointSg = logicalId(template, 'AWS::EC2::SecurityGroup', {
        GroupDescription: Match.stringLikeRegexp('^Interface endpoints'),
      });
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        ServiceName: {
          'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]],
        },
        SubnetIds: [ref(subnet('10.0.128.0/20'))],
        SecurityGroupIds: [getAtt(endpointSg, 'GroupId')],
        PrivateDnsEnabled: true,
      });
    },
  );

  it('opens the endpoints to 443 from the private subnet only, with no egress', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: Match.stringLikeRegexp('^Interface endpoints'),
      SecurityGroupIngress: [
        Match.objectLike({
          CidrIp: '10.0.128.0/20',
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
        }),
      ],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  it('keeps flow logs of the VPC', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      LogDestinationType: 'cloud-watch-logs',
    });
  });

  it('adds a public and a private /20 per AZ when azCount is 2', () => {
    const two = synthTemplate({ config: { azCount: 2 } });
    const cidrs = propertiesOf(two, 'AWS::EC2::Subnet').map((s) => s.CidrBlock);
    expect(cidrs.sort()).toEqual(['10.0.0.0/20', '10.0.128.0/20', '10.0.144.0/20', '10.0.16.0/20']);
    two.resourceCountIs('AWS::EC2::NatGateway', 0);
  });
});

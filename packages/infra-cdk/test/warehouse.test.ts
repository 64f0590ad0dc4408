import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, logicalId, ref, synthTemplate } from './template.js';

const template = synthTemplate();
const resources = template.toJSON().Resources;
const privateSubnet = logicalId(template, 'AWS::EC2::Subnet', { CidrBlock: '10.0.128.0/20' });
const publicSubnet = logicalId(template, 'AWS::EC2::Subnet', { CidrBlock: '10.0.0.0/20' });
const group = (prefix: string) =>
  logicalId(template, 'AWS::EC2::SecurityGroup', {
    GroupDescription: Match.stringLikeRegexp(`^${prefix}`),
  });
const instance = (sg: string) =>
  logicalId(template, 'AWS::EC2::Instance', {
    NetworkInterfaces: [Match.objectLike({ GroupSet: [getAtt(sg, 'GroupId')] })],
  });
const warehouse = instance(group('Warehouse'));
const oltp = instance(group('OLTP'));
/** The user data script as text, tokens (region, ARNs) shown as their JSON. */
const userData = (id: string): string =>
  (resources[id].Properties.UserData['Fn::Base64']['Fn::Join'][1] as unknown[])
    .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
    .join('');

describe('warehouse host', () => {
  it('sits in the private subnet with no public IP', () => {
    expect(resources[warehouse].Properties.NetworkInterfaces).toEqual([
      {
        DeviceIndex: '0',
        AssociatePublicIpAddress: false,
        SubnetId: ref(privateSubnet),
        GroupSet: [getAtt(group('Warehouse'), 'GroupId')],
      },
    ]);
  });

  it('boots only after the endpoints and its egress rules exist', () => {
    const dependsOn: string[] = resources[warehouse].DependsOn;
    const endpoints = Object.keys(template.findResources('AWS::EC2::VPCEndpoint'));
    expect(endpoints).toHaveLength(5);
    expect(dependsOn).toEqual(expect.arrayContaining(endpoints));
    const egress = Object.keys(template.findResources('AWS::EC2::SecurityGroupEgress'));
    expect(dependsOn).toEqual(expect.arrayContaining(egress));
  });

  it('is managed through SSM, with an encrypted disk and IMDSv2', () => {
    const profile = resources[warehouse].Properties.IamInstanceProfile.Ref;
    const roleId = resources[profile].Properties.Roles[0].Ref;
    expect(JSON.stringify(resources[roleId].Properties.ManagedPolicyArns)).toContain(
      ':iam::aws:policy/AmazonSSMManagedInstanceCore',
    );
    template.hasResourceProperties('AWS::EC2::Instance', {
      NetworkInterfaces: [Match.objectLike({ SubnetId: ref(privateSubnet) })],
      BlockDeviceMappings: [Match.objectLike({ Ebs: Match.objectLike({ Encrypted: true }) })],
      DisableApiTermination: true,
    });
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } },
    });
  });

  it('installs clickstream_dw with the password from Secrets Manager and the dashboard on 3838', () => {
    const script = userData(warehouse);
    expect(script).toContain('postgresql16-server');
    expect(script).toContain(`SELECT 'CREATE DATABASE "clickstream_dw" OWNER "clicktrail"'`);
    expect(script).toContain('host clickstream_dw clicktrail 10.0.128.0/20 scram-sha-256');
    expect(script).toContain(`--secret-id '{"Ref":"WarehouseHostPassword`);
    expect(script).toContain('aws secretsmanager get-secret-value');
    expect(script).toContain('clicktrail-dashboard.service');
    expect(script).toContain('server.mjs --port 3838');
    expect(script).toContain('dashboard/clicktrail-dashboard.tgz');
    expect(script).not.toMatch(/"password"\s*:/);
  });

  it('generates the DW password in Secrets Manager, never in the template', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({
        GenerateStringKey: 'password',
        SecretStringTemplate: JSON.stringify({ username: 'clicktrail', dbname: 'clickstream_dw' }),
      }),
    });
  });

  it('may read only the dashboard artifact from the assets bucket', () => {
    const assets = logicalId(template, 'AWS::S3::Bucket', { BucketName: 'clickstream-s3-sbw' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: {
              'Fn::Join': ['', [getAtt(assets, 'Arn'), '/dashboard/clicktrail-dashboard.tgz']],
            },
          },
        ]),
      },
    });
  });
});

describe('OLTP host', () => {
  it('sits in the public subnet with an Elastic IP and runs clickstream_web', () => {
    expect(resources[oltp].Properties.NetworkInterfaces[0]).toMatchObject({
      AssociatePublicIpAddress: true,
      SubnetId: ref(publicSubnet),
    });
    template.hasResourceProperties('AWS::EC2::EIP', { InstanceId: ref(oltp) });
    expect(userData(oltp)).toContain(
      `SELECT 'CREATE DATABASE "clickstream_web" OWNER "clicktrail"'`,
    );
    expect(userData(oltp)).not.toContain('clicktrail-dashboard');
  });
});

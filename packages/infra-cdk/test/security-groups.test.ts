import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { getAtt, logicalId, propertiesOf, synthTemplate } from './template.js';

const template = synthTemplate();
const group = (t: Template, prefix: string) =>
  logicalId(t, 'AWS::EC2::SecurityGroup', {
    GroupDescription: Match.stringLikeRegexp(`^${prefix}`),
  });
const rules = (t: Template, type: 'Ingress' | 'Egress', groupId: string) =>
  propertiesOf(t, `AWS::EC2::Security${type === 'Ingress' ? 'GroupIngress' : 'GroupEgress'}`)
    .filter((r) => JSON.stringify(r.GroupId) === JSON.stringify(getAtt(groupId, 'GroupId')))
    .map(({ Description: _, GroupId: __, ...rule }) => rule);
const inline = (t: Template, groupId: string, key: string) =>
  (t.toJSON().Resources[groupId].Properties[key] ?? []) as Array<Record<string, unknown>>;

const analytics = group(template, 'Warehouse');
const etl = group(template, 'ETL');
const oltp = group(template, 'OLTP');
const endpoints = group(template, 'Interface endpoints');
const s3PrefixList = {
  'Fn::GetAtt': [Match.stringLikeRegexp('S3PrefixListLookup'), 'PrefixLists.0.PrefixListId'],
};

describe('security groups', () => {
  it('lets only the ETL group reach the warehouse, on 5432; nothing reaches 3838', () => {
    expect(inline(template, analytics, 'SecurityGroupIngress')).toEqual([]);
    expect(rules(template, 'Ingress', analytics)).toEqual([
      {
        IpProtocol: 'tcp',
        FromPort: 5432,
        ToPort: 5432,
        SourceSecurityGroupId: getAtt(etl, 'GroupId'),
      },
    ]);
  });

  it('limits ETL egress to the warehouse 5432, S3 443 by prefix list and the endpoints 443', () => {
    expect(inline(template, etl, 'SecurityGroupEgress')).toEqual([]);
    const egress = rules(template, 'Egress', etl);
    expect(egress).toHaveLength(3);
    expect(egress).toEqual(
      expect.arrayContaining([
        {
          IpProtocol: 'tcp',
          FromPort: 5432,
          ToPort: 5432,
          DestinationSecurityGroupId: getAtt(analytics, 'GroupId'),
        },
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          DestinationSecurityGroupId: getAtt(endpoints, 'GroupId'),
        },
      ]),
    );
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: getAtt(etl, 'GroupId'),
      DestinationPrefixListId: s3PrefixList,
      FromPort: 443,
      ToPort: 443,
    });
  });

  it('limits warehouse egress to S3 and the interface endpoints on 443', () => {
    const egress = rules(template, 'Egress', analytics);
    expect(egress.map((r) => r.FromPort)).toEqual([443, 443]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: getAtt(analytics, 'GroupId'),
      DestinationPrefixListId: s3PrefixList,
    });
  });

  it('reads the S3 prefix list id of the deployed region at deploy time', () => {
    const [lookup] = propertiesOf(template, 'Custom::AWS');
    // The SDK call is a Fn::Join (the region is a token): check its serialized text.
    const create = JSON.stringify(lookup?.Create);
    expect(create).toContain('describeManagedPrefixLists');
    expect(create).toMatch(/prefix-list-name.*com\.amazonaws\..*AWS::Region.*\.s3/);
  });

  it('opens nothing on the OLTP host by default, SSH included', () => {
    expect(inline(template, oltp, 'SecurityGroupIngress')).toEqual([]);
    expect(rules(template, 'Ingress', oltp)).toEqual([]);
  });

  it('opens OLTP 5432 to the app and admin CIDRs, and 22 only when SSH CIDRs are set', () => {
    const t = synthTemplate({
      config: {
        oltpAppCidrs: ['198.51.100.0/24'],
        oltpAdminCidrs: ['203.0.113.7/32'],
        oltpSshCidrs: ['203.0.113.7/32'],
      },
    });
    const ingress = inline(t, group(t, 'OLTP'), 'SecurityGroupIngress').map(
      ({ Description: _, ...r }) => r,
    );
    expect(ingress).toEqual([
      { CidrIp: '198.51.100.0/24', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 },
      { CidrIp: '203.0.113.7/32', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 },
      { CidrIp: '203.0.113.7/32', IpProtocol: 'tcp', FromPort: 22, ToPort: 22 },
    ]);
  });
});

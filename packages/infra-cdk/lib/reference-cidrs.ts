import type {
  AllocateCidrRequest,
  IIpAddresses,
  SubnetIpamOptions,
  VpcIpamOptions,
} from 'aws-cdk-lib/aws-ec2';

/**
 * The reference design's address plan: VPC 10.0.0.0/16, public subnets from
 * 10.0.0.0/20 upward and private subnets from 10.0.128.0/20 upward, one /20
 * per AZ. CDK's own allocator packs subnets back to back (the private one
 * would land on 10.0.16.0/20), so firewall rules and docs written against
 * the reference would not match.
 */
export class ReferenceCidrs implements IIpAddresses {
  static readonly vpcCidr = '10.0.0.0/16';
  /** Third octet where each subnet type starts; each AZ adds 16 (one /20). */
  private static readonly base: Record<string, number> = { Public: 0, Isolated: 128 };

  allocateVpcCidr(): VpcIpamOptions {
    return { cidrBlock: ReferenceCidrs.vpcCidr };
  }

  allocateSubnetsCidr(input: AllocateCidrRequest): SubnetIpamOptions {
    const next: Record<string, number> = { ...ReferenceCidrs.base };
    const allocatedSubnets = input.requestedSubnets.map((s) => {
      const type = s.configuration.subnetType;
      const octet = next[type];
      if (octet === undefined) throw new Error(`ReferenceCidrs: no range for ${type} subnets`);
      next[type] = octet + 16;
      return { cidr: `10.0.${octet}.0/20` };
    });
    return { allocatedSubnets };
  }

  /** The CIDR of the n-th (0-based) subnet of a type, for rules that must name it. */
  static subnetCidr(type: 'public' | 'private', index: number): string {
    return `10.0.${(type === 'public' ? 0 : 128) + 16 * index}.0/20`;
  }
}

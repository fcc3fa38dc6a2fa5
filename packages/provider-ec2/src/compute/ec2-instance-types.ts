/**
 * EC2 instance types as static data: memory in MiB, local instance-store disk in GB (0 for EBS-only types) and
 * vCPUs. Prices are left out on purpose: they differ per region and change; `extra.vcpus` says the size.
 * Legacy families are kept because old accounts (and Libcloud's recorded answers) still use them.
 */
export const EC2_INSTANCE_TYPES = [
  ['t2.nano', 512, 0, 1], ['t2.micro', 1024, 0, 1], ['t2.small', 2048, 0, 1], ['t2.medium', 4096, 0, 2], ['t2.large', 8192, 0, 2],
  ['t3.nano', 512, 0, 2], ['t3.micro', 1024, 0, 2], ['t3.small', 2048, 0, 2], ['t3.medium', 4096, 0, 2], ['t3.large', 8192, 0, 2],
  ['t3.xlarge', 16384, 0, 4], ['t3.2xlarge', 32768, 0, 8],
  ['t4g.micro', 1024, 0, 2], ['t4g.small', 2048, 0, 2], ['t4g.medium', 4096, 0, 2],
  ['m5.large', 8192, 0, 2], ['m5.xlarge', 16384, 0, 4], ['m5.2xlarge', 32768, 0, 8], ['m5.4xlarge', 65536, 0, 16],
  ['m6i.large', 8192, 0, 2], ['m6i.xlarge', 16384, 0, 4], ['m7g.large', 8192, 0, 2],
  ['c5.large', 4096, 0, 2], ['c5.xlarge', 8192, 0, 4], ['c5.2xlarge', 16384, 0, 8], ['c6i.large', 4096, 0, 2],
  ['r5.large', 16384, 0, 2], ['r5.xlarge', 32768, 0, 4], ['r6i.large', 16384, 0, 2],
  ['m5d.large', 8192, 75, 2], ['c5d.large', 4096, 50, 2], ['i3.large', 15616, 475, 2],
  ['m1.small', 1740, 160, 1], ['m1.medium', 3840, 410, 1], ['m1.large', 7680, 850, 2], ['m1.xlarge', 15360, 1690, 4],
  ['c1.medium', 1740, 350, 2], ['m3.medium', 3840, 4, 1], ['m3.large', 7680, 32, 2],
] as const satisfies readonly (readonly [string, number, number, number])[];

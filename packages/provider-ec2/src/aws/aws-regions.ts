/**
 * AWS regions as static data: where each region's endpoints live. China regions use the `amazonaws.com.cn`
 * domain; everything else `amazonaws.com`.
 */
export const AWS_REGIONS = {
  'us-east-1': { name: 'US East (N. Virginia)', country: 'US' },
  'us-east-2': { name: 'US East (Ohio)', country: 'US' },
  'us-west-1': { name: 'US West (N. California)', country: 'US' },
  'us-west-2': { name: 'US West (Oregon)', country: 'US' },
  'af-south-1': { name: 'Africa (Cape Town)', country: 'ZA' },
  'ap-east-1': { name: 'Asia Pacific (Hong Kong)', country: 'HK' },
  'ap-south-1': { name: 'Asia Pacific (Mumbai)', country: 'IN' },
  'ap-south-2': { name: 'Asia Pacific (Hyderabad)', country: 'IN' },
  'ap-northeast-1': { name: 'Asia Pacific (Tokyo)', country: 'JP' },
  'ap-northeast-2': { name: 'Asia Pacific (Seoul)', country: 'KR' },
  'ap-northeast-3': { name: 'Asia Pacific (Osaka)', country: 'JP' },
  'ap-southeast-1': { name: 'Asia Pacific (Singapore)', country: 'SG' },
  'ap-southeast-2': { name: 'Asia Pacific (Sydney)', country: 'AU' },
  'ap-southeast-3': { name: 'Asia Pacific (Jakarta)', country: 'ID' },
  'ap-southeast-4': { name: 'Asia Pacific (Melbourne)', country: 'AU' },
  'ca-central-1': { name: 'Canada (Central)', country: 'CA' },
  'ca-west-1': { name: 'Canada West (Calgary)', country: 'CA' },
  'eu-central-1': { name: 'Europe (Frankfurt)', country: 'DE' },
  'eu-central-2': { name: 'Europe (Zurich)', country: 'CH' },
  'eu-west-1': { name: 'Europe (Ireland)', country: 'IE' },
  'eu-west-2': { name: 'Europe (London)', country: 'GB' },
  'eu-west-3': { name: 'Europe (Paris)', country: 'FR' },
  'eu-north-1': { name: 'Europe (Stockholm)', country: 'SE' },
  'eu-south-1': { name: 'Europe (Milan)', country: 'IT' },
  'eu-south-2': { name: 'Europe (Spain)', country: 'ES' },
  'il-central-1': { name: 'Israel (Tel Aviv)', country: 'IL' },
  'me-south-1': { name: 'Middle East (Bahrain)', country: 'BH' },
  'me-central-1': { name: 'Middle East (UAE)', country: 'AE' },
  'sa-east-1': { name: 'South America (São Paulo)', country: 'BR' },
  'cn-north-1': { name: 'China (Beijing)', country: 'CN' },
  'cn-northwest-1': { name: 'China (Ningxia)', country: 'CN' },
  'us-gov-east-1': { name: 'AWS GovCloud (US-East)', country: 'US' },
  'us-gov-west-1': { name: 'AWS GovCloud (US-West)', country: 'US' },
} as const;

/** An AWS region id this package knows. */
export type AwsRegion = keyof typeof AWS_REGIONS;

/** Whether `region` is a region this package knows. */
export function isAwsRegion(region: string): region is AwsRegion {
  return Object.hasOwn(AWS_REGIONS, region);
}

/** The DNS suffix of a region's endpoints: `amazonaws.com.cn` in China, `amazonaws.com` elsewhere. */
export function awsDnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The default endpoint of a regional service, e.g. `https://ec2.eu-west-1.amazonaws.com`. */
export function awsServiceEndpoint(service: string, region: string): string {
  return `https://${service}.${region}.${awsDnsSuffix(region)}`;
}

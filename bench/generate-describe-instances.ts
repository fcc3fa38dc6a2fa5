/**
 * Deterministic generator of realistic EC2 `DescribeInstances` XML bodies, for the list benchmark and for the
 * fast-path equivalence tests of `@multicloud/provider-ec2`. The shape follows a current EC2 answer (2016-11-15
 * API): network interfaces with their own group sets, block devices, several tags (unicode and XML entities
 * included), IAM profile, CPU/metadata/maintenance options.
 * With the default layout (one element per line, no indentation) an instance is about 4.8 KB, so 1000 instances
 * ≈ 4.8 MB, the size the issue measured; `layout: 'pretty'` indents by 4 spaces as EC2 does (≈ 8.9 KB per instance).
 */

/** What to generate. */
export interface DescribeInstancesOptions {
  /** Number of instances (spread over reservations of 1–4 instances). */
  readonly instances: number;
  /** PRNG seed; the same seed and options give the same bytes. Default 1. */
  readonly seed?: number | undefined;
  /** A `nextToken` to append (a paged answer); default none (the last page). */
  readonly nextToken?: string | undefined;
  /** `lines` (default): one element per line; `pretty`: also indented by 4 spaces, as EC2 sends it; `compact`: one line. */
  readonly layout?: 'lines' | 'pretty' | 'compact' | undefined;
}

/** mulberry32: tiny, fast, good enough for test data, and reproducible across runs and platforms. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** XML-escapes text the way AWS does (all five predefined entities). */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const TYPES = ['t3.micro', 't3.large', 'm5.xlarge', 'c6i.2xlarge', 'r6g.large', 'm1.small', 't2.nano', 'x9z.unknown'];
const STATES: readonly [string, string][] = [['16', 'running'], ['16', 'running'], ['16', 'running'], ['80', 'stopped'], ['0', 'pending'], ['48', 'terminated'], ['64', 'stopping'], ['32', 'shutting-down'], ['99', 'future-state']];
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];
const TEAMS = ['Plateforme Ünïcødé', '開発チーム', 'ops 🚀', 'R&D <core>', 'O\'Brien "quoted"', 'data & ml', 'Ελληνικά'];
const ROLES = ['web', 'api', 'worker', 'db', 'cache', 'batch'];

/** Generates one `DescribeInstancesResponse` body. */
export function generateDescribeInstances(options: DescribeInstancesOptions): string {
  const random = prng(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const byte = () => Math.floor(random() * 254) + 1;
  const layout = options.layout ?? 'lines';
  const out: string[] = [];
  let depth = 0;
  const line = (text: string) => out.push(layout === 'compact' ? text : layout === 'lines' ? `${text}\n` : `${'    '.repeat(depth)}${text}\n`);
  const leaf = (name: string, value: string | undefined) => line(value === undefined || value === '' ? `<${name}/>` : `<${name}>${escapeXml(value)}</${name}>`);
  const open = (name: string, body: () => void) => {
    line(`<${name}>`);
    depth++;
    body();
    depth--;
    line(`</${name}>`);
  };
  const set = (name: string, count: number, item: (index: number) => void) =>
    count === 0 ? line(`<${name}/>`) : open(name, () => { for (let index = 0; index < count; index++) open('item', () => item(index)); });
  const time = () => new Date(Date.UTC(2019, 0, 1) + Math.floor(random() * 5 * 365 * 86_400) * 1000).toISOString();
  const owner = String(100000000000 + Math.floor(random() * 899999999999));

  line('<?xml version="1.0" encoding="UTF-8"?>');
  line('<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">');
  depth++;
  leaf('requestId', `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`);
  let made = 0;
  const reservations: number[] = [];
  while (made < options.instances) {
    const size = Math.min(options.instances - made, 1 + Math.floor(random() * 4));
    reservations.push(size);
    made += size;
  }
  set('reservationSet', reservations.length, (reservation) => {
    leaf('reservationId', `r-${hex(17)}`);
    leaf('ownerId', owner);
    line('<groupSet/>');
    set('instancesSet', reservations[reservation] ?? 0, () => instance());
  });
  if (options.nextToken !== undefined) leaf('nextToken', options.nextToken);
  depth--;
  line('</DescribeInstancesResponse>');
  return out.join('');

  function instance(): void {
    const [code, state] = pick(STATES);
    const vpc = `vpc-${hex(17)}`;
    const subnet = `subnet-${hex(17)}`;
    const privateIp = `10.${byte()}.${byte()}.${byte()}`;
    const publicIp = state === 'running' && random() < 0.7 ? `54.${byte()}.${byte()}.${byte()}` : undefined;
    const privateDns = `ip-${privateIp.replace(/\./g, '-')}.ec2.internal`;
    const groups = Array.from({ length: Math.floor(random() * 4) }, (_, index) => [`sg-${hex(17)}`, index === 1 ? 'web & api' : `${pick(ROLES)}-sg-${index}`] as const);
    const zone = pick(ZONES);
    const launch = time();
    leaf('instanceId', `i-${hex(17)}`);
    leaf('imageId', `ami-${hex(17)}`);
    open('instanceState', () => { leaf('code', code); leaf('name', state); });
    leaf('privateDnsName', privateDns);
    leaf('dnsName', publicIp ? `ec2-${publicIp.replace(/\./g, '-')}.compute-1.amazonaws.com` : undefined);
    leaf('reason', state === 'stopped' ? `User initiated (${launch.slice(0, 19).replace('T', ' ')} GMT)` : undefined);
    if (random() < 0.9) leaf('keyName', `${pick(ROLES)}-key-${hex(4)}`);
    leaf('amiLaunchIndex', '0');
    line('<productCodes/>');
    leaf('instanceType', pick(TYPES));
    leaf('launchTime', launch);
    open('placement', () => { leaf('availabilityZone', zone); line('<groupName/>'); leaf('tenancy', 'default'); });
    open('monitoring', () => leaf('state', 'disabled'));
    leaf('subnetId', subnet);
    leaf('vpcId', vpc);
    leaf('privateIpAddress', privateIp);
    if (publicIp) leaf('ipAddress', publicIp);
    leaf('sourceDestCheck', 'true');
    set('groupSet', groups.length, (index) => { leaf('groupId', groups[index]?.[0]); leaf('groupName', groups[index]?.[1]); });
    if (state === 'stopped' || state === 'terminated') open('stateReason', () => { leaf('code', 'Client.UserInitiatedShutdown'); leaf('message', 'Client.UserInitiatedShutdown: User initiated shutdown'); });
    leaf('architecture', random() < 0.8 ? 'x86_64' : 'arm64');
    leaf('rootDeviceType', 'ebs');
    leaf('rootDeviceName', '/dev/xvda');
    set('blockDeviceMapping', 1 + Math.floor(random() * 2), (index) => {
      leaf('deviceName', index === 0 ? '/dev/xvda' : '/dev/sdf');
      open('ebs', () => { leaf('volumeId', `vol-${hex(17)}`); leaf('status', 'attached'); leaf('attachTime', launch); leaf('deleteOnTermination', String(index === 0)); });
    });
    leaf('virtualizationType', 'hvm');
    leaf('clientToken', random() < 0.5 ? `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}` : undefined);
    const role = pick(ROLES);
    const tags: [string, string][] = [['Name', `${role}-${hex(4)}`], ['Environment', pick(['prod', 'staging', 'dev'])], ['Team', pick(TEAMS)], ['CostCenter', `cc-${hex(3)} & co`]];
    if (random() < 0.5) tags.push(['aws:cloudformation:stack-name', `stack-${role}`], ['Padded', '  spaced value  ']);
    if (random() < 0.2) tags.push(['EmptyValue', '']);
    if (random() < 0.1) tags.length = 0;
    set('tagSet', tags.length, (index) => { leaf('key', tags[index]?.[0]); leaf('value', tags[index]?.[1]); });
    leaf('hypervisor', random() < 0.8 ? 'nitro' : 'xen');
    set('networkInterfaceSet', 1, () => {
      leaf('networkInterfaceId', `eni-${hex(17)}`);
      leaf('subnetId', subnet);
      leaf('vpcId', vpc);
      leaf('description', random() < 0.5 ? 'Primary network interface & more' : undefined);
      leaf('ownerId', owner);
      leaf('status', 'in-use');
      leaf('macAddress', `0e:${hex(2)}:${hex(2)}:${hex(2)}:${hex(2)}:${hex(2)}`);
      leaf('privateIpAddress', privateIp);
      leaf('privateDnsName', privateDns);
      leaf('sourceDestCheck', 'true');
      set('groupSet', Math.max(1, groups.length), (index) => { leaf('groupId', groups[index]?.[0] ?? `sg-${hex(17)}`); leaf('groupName', groups[index]?.[1] ?? 'eni-only'); });
      open('attachment', () => {
        leaf('attachmentId', `eni-attach-${hex(17)}`); leaf('deviceIndex', '0'); leaf('networkCardIndex', '0');
        leaf('status', 'attached'); leaf('attachTime', launch); leaf('deleteOnTermination', 'true');
      });
      if (publicIp) open('association', () => { leaf('publicIp', publicIp); leaf('publicDnsName', `ec2-${publicIp.replace(/\./g, '-')}.compute-1.amazonaws.com`); leaf('ipOwnerId', 'amazon'); });
      set('privateIpAddressesSet', 1, () => {
        leaf('privateIpAddress', privateIp); leaf('privateDnsName', privateDns); leaf('primary', 'true');
        if (publicIp) open('association', () => { leaf('publicIp', publicIp); leaf('ipOwnerId', 'amazon'); });
      });
      line('<ipv6AddressesSet/>');
      leaf('interfaceType', 'interface');
    });
    open('iamInstanceProfile', () => { leaf('arn', `arn:aws:iam::${owner}:instance-profile/${role}-profile`); leaf('id', `AIPA${hex(17).toUpperCase()}`); });
    leaf('ebsOptimized', 'false');
    leaf('enaSupport', 'true');
    if (random() < 0.15) leaf('instanceLifecycle', 'spot');
    open('cpuOptions', () => { leaf('coreCount', '1'); leaf('threadsPerCore', '2'); });
    open('capacityReservationSpecification', () => leaf('capacityReservationPreference', 'open'));
    open('hibernationOptions', () => leaf('configured', 'false'));
    open('enclaveOptions', () => leaf('enabled', 'false'));
    open('metadataOptions', () => {
      leaf('state', 'applied'); leaf('httpTokens', 'required'); leaf('httpPutResponseHopLimit', '2');
      leaf('httpEndpoint', 'enabled'); leaf('httpProtocolIpv6', 'disabled'); leaf('instanceMetadataTags', 'disabled');
    });
    open('maintenanceOptions', () => leaf('autoRecovery', 'default'));
    open('privateDnsNameOptions', () => { leaf('hostnameType', 'ip-name'); leaf('enableResourceNameDnsARecord', 'false'); leaf('enableResourceNameDnsAAAARecord', 'false'); });
    leaf('platformDetails', 'Linux/UNIX');
    leaf('usageOperation', 'RunInstances');
    leaf('usageOperationUpdateTime', launch);
    leaf('currentInstanceBootMode', 'uefi');
    open('networkPerformanceOptions', () => leaf('bandwidthWeighting', 'default'));
    open('operator', () => leaf('managed', 'false'));
  }
}

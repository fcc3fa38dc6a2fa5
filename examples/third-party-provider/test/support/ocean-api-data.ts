import { createHash } from 'node:crypto';

// The data the local Ocean API starts from, in the shapes of DigitalOcean's public API v2 (droplets, sizes,
// images, regions, account keys). Written for these tests; no real account's data.

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The regions the server knows. */
export const REGIONS: readonly Json[] = [
  { slug: 'nyc3', name: 'New York 3', sizes: ['s-1vcpu-1gb', 's-2vcpu-4gb'], available: true, features: ['backups', 'ipv6', 'metadata'] },
  { slug: 'ams3', name: 'Amsterdam 3', sizes: ['s-1vcpu-1gb', 's-2vcpu-4gb'], available: true, features: ['backups', 'ipv6'] },
  { slug: 'fra1', name: 'Frankfurt 1', sizes: ['s-1vcpu-1gb'], available: true, features: ['metadata'] },
];

/** The sizes the server knows. */
export const SIZES: readonly Json[] = [
  { slug: 's-1vcpu-1gb', memory: 1024, vcpus: 1, disk: 25, transfer: 1, price_monthly: 6, price_hourly: 0.00893, regions: ['nyc3', 'ams3', 'fra1'], available: true, description: 'Basic' },
  { slug: 's-2vcpu-4gb', memory: 4096, vcpus: 2, disk: 80, transfer: 4, price_monthly: 24, price_hourly: 0.03571, regions: ['nyc3', 'ams3'], available: true, description: 'Basic' },
];

/** The distribution images the server knows. */
export const IMAGES: readonly Json[] = [
  { id: 164012345, name: '24.04 (LTS) x64', distribution: 'Ubuntu', slug: 'ubuntu-24-04-x64', public: true, regions: ['nyc3', 'ams3', 'fra1'], type: 'base', min_disk_size: 7, created_at: '2024-04-25T14:33:50Z', status: 'available' },
  { id: 150012346, name: '12 x64', distribution: 'Debian', slug: 'debian-12-x64', public: true, regions: ['nyc3', 'ams3'], type: 'base', min_disk_size: 15, created_at: '2023-06-12T16:24:19Z', status: 'available' },
];

/** A droplet as the API answers it. */
export function droplet(id: number, name: string, status: string, options: { region?: string; size?: string; image?: string; index?: number; createdAt?: string; tags?: string[] } = {}): Json {
  const region = REGIONS.find((candidate) => candidate.slug === (options.region ?? 'nyc3')) ?? REGIONS[0];
  const size = SIZES.find((candidate) => candidate.slug === (options.size ?? 's-1vcpu-1gb')) ?? SIZES[0];
  const image = IMAGES.find((candidate) => candidate.slug === (options.image ?? 'ubuntu-24-04-x64') || String(candidate.id) === options.image) ?? IMAGES[0];
  const index = options.index ?? id % 200;
  const v4 = status === 'new' ? [] : [
    { ip_address: `203.0.113.${index}`, netmask: '255.255.255.0', gateway: '203.0.113.1', type: 'public' },
    { ip_address: `10.110.0.${index}`, netmask: '255.255.240.0', gateway: '10.110.0.1', type: 'private' },
  ];
  const v6 = status === 'active' ? [{ ip_address: `2001:db8::${index.toString(16)}`, netmask: 64, gateway: '2001:db8::1', type: 'public' }] : [];
  return {
    id, name, memory: size?.memory, vcpus: size?.vcpus, disk: size?.disk, locked: false, status,
    created_at: options.createdAt ?? '2025-01-15T09:30:00Z', features: ['private_networking'],
    backup_ids: [], snapshot_ids: [], image, size, size_slug: size?.slug, networks: { v4, v6 }, region,
    tags: options.tags ?? [], vpc_uuid: '5a4981aa-9653-4bd1-bef5-d6bff52042e4',
  };
}

/** The droplets an account starts with: one per status the API has. */
export function initialDroplets(): Json[] {
  return [
    droplet(3164444, 'web-1', 'active', { index: 10, tags: ['web'] }),
    droplet(3164445, 'db-1', 'off', { index: 11, region: 'ams3', size: 's-2vcpu-4gb', image: 'debian-12-x64' }),
    droplet(3164446, 'worker-1', 'new', { index: 12 }),
    droplet(3164447, 'old-1', 'archive', { index: 13, region: 'fra1' }),
  ];
}

/** The MD5 fingerprint of an OpenSSH public key, as the API computes it (`aa:bb:…`). */
export function fingerprintOf(publicKey: string): string {
  const body = publicKey.trim().split(/\s+/)[1] ?? '';
  return createHash('md5').update(Buffer.from(body, 'base64')).digest('hex').replace(/(..)(?!$)/g, '$1:');
}

/** The public key of the account's one key at the start. */
export const DEPLOY_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDrN7mDUcLmH0YwtA9P6ERzJ7tNE1e1cJxLZ2d4R0rp7 deploy@example';

/** The SSH keys an account starts with. */
export function initialKeys(): Json[] {
  return [{ id: 512189, fingerprint: fingerprintOf(DEPLOY_KEY), public_key: DEPLOY_KEY, name: 'deploy' }];
}

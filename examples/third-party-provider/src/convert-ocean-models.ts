import { stampProvider } from '@multicloud/core';
import type { KeyPair, Node, NodeImage, NodeLocation, NodeSize } from '@multicloud/compute';
import { asRecord, optionalNumber, optionalString, recordList, requiredId, type JsonRecord } from './json-fields.js';
import { oceanNodeState } from './ocean-node-state.js';
import { OCEAN, OCEAN_REGIONS } from './ocean-settings.js';

/** A size (`/v2/sizes`): `memory` MiB, `disk` GB, `transfer` TB a month, `price_hourly` USD. */
export function convertOceanSize(size: JsonRecord): NodeSize {
  const id = requiredId(size, 'slug', 'size');
  const what = `size ${id}`;
  return stampProvider({
    id,
    name: optionalString(size, 'description', what) ?? id,
    ram: optionalNumber(size, 'memory', what) ?? 0,
    disk: optionalNumber(size, 'disk', what) ?? 0,
    bandwidth: optionalNumber(size, 'transfer', what),
    price: optionalNumber(size, 'price_hourly', what),
    extra: { vcpus: optionalNumber(size, 'vcpus', what), priceMonthly: optionalNumber(size, 'price_monthly', what), regions: size.regions, available: size.available },
  }, OCEAN);
}

/** An image (`/v2/images`): its slug is the id where it has one (distributions), else its numeric id. */
export function convertOceanImage(image: JsonRecord): NodeImage {
  const numericId = requiredId(image, 'id', 'image');
  const what = `image ${numericId}`;
  const slug = optionalString(image, 'slug', what);
  const distribution = optionalString(image, 'distribution', what);
  const name = optionalString(image, 'name', what) ?? numericId;
  return stampProvider({
    id: slug ?? numericId,
    name: distribution === undefined ? name : `${distribution} ${name}`,
    extra: { imageId: Number(numericId), slug, distribution, type: optionalString(image, 'type', what), public: image.public === true, regions: image.regions },
  }, OCEAN);
}

/** A region (`/v2/regions`); the country comes from {@link OCEAN_REGIONS}. */
export function convertOceanRegion(region: JsonRecord): NodeLocation {
  const id = requiredId(region, 'slug', 'region');
  return stampProvider({
    id,
    name: optionalString(region, 'name', `region ${id}`) ?? id,
    country: Object.hasOwn(OCEAN_REGIONS, id) ? (OCEAN_REGIONS[id] ?? '') : '',
    extra: { available: region.available, features: region.features, sizes: region.sizes },
  }, OCEAN);
}

/** A droplet: `networks.v4`/`v6` entries of type `public` or `private` are its addresses. */
export function convertOceanDroplet(droplet: JsonRecord): Node {
  const id = requiredId(droplet, 'id', 'droplet');
  const what = `droplet ${id}`;
  const networks = droplet.networks === undefined ? {} : asRecord(droplet.networks, `${what}.networks`);
  const addresses = [...recordList(networks, 'v4', `${what}.networks`), ...recordList(networks, 'v6', `${what}.networks`)];
  const ips = (type: string) => addresses.filter((address) => address.type === type).map((address, index) => requiredId(address, 'ip_address', `${what}.networks[${index}]`));
  const status = optionalString(droplet, 'status', what);
  const created = optionalString(droplet, 'created_at', what);
  const createdAt = created === undefined ? undefined : new Date(created);
  return stampProvider({
    id,
    name: optionalString(droplet, 'name', what) ?? '',
    state: oceanNodeState(status),
    publicIps: ips('public'),
    privateIps: ips('private'),
    provider: OCEAN,
    ...(droplet.size ? { size: convertOceanSize(asRecord(droplet.size, `${what}.size`)) } : {}),
    ...(droplet.image ? { image: convertOceanImage(asRecord(droplet.image, `${what}.image`)) } : {}),
    ...(droplet.region ? { location: convertOceanRegion(asRecord(droplet.region, `${what}.region`)) } : {}),
    ...(createdAt && !Number.isNaN(createdAt.getTime()) ? { createdAt } : {}),
    extra: { status, locked: droplet.locked === true, vcpus: optionalNumber(droplet, 'vcpus', what), memory: optionalNumber(droplet, 'memory', what), tags: droplet.tags },
  }, OCEAN);
}

/** An SSH key (`/v2/account/keys`). */
export function convertOceanKey(key: JsonRecord): KeyPair {
  const id = requiredId(key, 'id', 'ssh key');
  const what = `ssh key ${id}`;
  return stampProvider({
    name: optionalString(key, 'name', what) ?? id,
    fingerprint: optionalString(key, 'fingerprint', what) ?? '',
    publicKey: optionalString(key, 'public_key', what),
    extra: { id: Number(id) },
  }, OCEAN);
}

import { stampProvider } from '@multicloud/core';
import type { Node } from '@multicloud/compute';
import { splitAddresses } from '../compute/ip-addresses.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { cloudSigmaV2NodeState } from './cloudsigma-v2-node-state.js';
import { optionalNumber, optionalRecord, optionalString, recordList, referenceUuid, requiredString, type JsonRecord } from './json-fields.js';

/** A drive as attached to a server: the uuid plus where it sits. */
export interface CloudSigmaV2AttachedDrive {
  /** Drive uuid. */
  readonly uuid: string;
  /** Controller type, e.g. `virtio` or `ide`. */
  readonly device: string | undefined;
  /** Channel on the controller, e.g. `0:0`. */
  readonly devChannel: string | undefined;
  /** Boot order (1 boots first), or undefined when not bootable. */
  readonly bootOrder: number | undefined;
}

/** The IP addresses of one NIC: configured (static) and runtime (DHCP-assigned), IPv4 and IPv6. */
function nicAddresses(nic: JsonRecord, what: string): string[] {
  const found: string[] = [];
  for (const key of ['ip_v4_conf', 'ip_v6_conf']) {
    const ip = optionalRecord(nic, key, what)?.ip;
    if (ip !== undefined && ip !== null) found.push(referenceUuid(ip, `${what}.${key}.ip`));
  }
  const runtime = optionalRecord(nic, 'runtime', what);
  for (const key of ['ip_v4', 'ip_v6']) {
    const ip = runtime?.[key];
    if (ip !== undefined && ip !== null) found.push(referenceUuid(ip, `${what}.runtime.${key}`));
  }
  return found;
}

/** The drives a server object lists. */
export function attachedDrives(server: JsonRecord, what = 'server'): CloudSigmaV2AttachedDrive[] {
  return recordList(server, 'drives', what).map((entry, index) => ({
    uuid: referenceUuid(entry.drive, `${what}.drives[${index}].drive`),
    device: optionalString(entry, 'device', `${what}.drives[${index}]`),
    devChannel: optionalString(entry, 'dev_channel', `${what}.drives[${index}]`),
    bootOrder: optionalNumber(entry, 'boot_order', `${what}.drives[${index}]`),
  }));
}

/** Converts an API 2.0 server object. @throws MalformedResponseError when it has no uuid or a field of the wrong type */
export function convertCloudSigmaV2Node(server: JsonRecord): Node {
  const id = requiredString(server, 'uuid', 'server');
  const what = `server ${id}`;
  const nics = recordList(server, 'nics', what);
  const { publicIps, privateIps } = splitAddresses(nics.flatMap((nic, index) => nicAddresses(nic, `${what}.nics[${index}]`)));
  const status = optionalString(server, 'status', what);
  return stampProvider({
    id,
    name: optionalString(server, 'name', what) ?? '',
    state: cloudSigmaV2NodeState(status),
    publicIps,
    privateIps,
    provider: CLOUDSIGMA,
    extra: {
      status,
      cpu: optionalNumber(server, 'cpu', what),
      mem: optionalNumber(server, 'mem', what),
      smp: optionalNumber(server, 'smp', what),
      vncPassword: optionalString(server, 'vnc_password', what),
      meta: optionalRecord(server, 'meta', what) ?? {},
      nics,
      drives: attachedDrives(server, what),
      tags: recordList(server, 'tags', what).map((tag, index) => referenceUuid(tag, `${what}.tags[${index}]`)),
      activeSince: optionalString(optionalRecord(server, 'runtime', what) ?? {}, 'active_since', `${what}.runtime`),
    },
  }, CLOUDSIGMA);
}

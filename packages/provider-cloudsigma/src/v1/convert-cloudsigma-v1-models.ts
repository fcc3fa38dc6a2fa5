import { MalformedResponseError, stampProvider } from '@multicloud/core';
import type { Node, NodeImage } from '@multicloud/compute';
import { splitAddresses } from '../compute/ip-addresses.js';
import { CLOUDSIGMA } from '../compute/cloudsigma-regions.js';
import { cloudSigmaV1NodeState } from './cloudsigma-v1-node-state.js';
import { formatCloudSigmaText } from './cloudsigma-text-codec.js';

/** A drive slot of a 1.0 server: `ide:0:0`, `scsi:0:3`, `block:2`. */
const DRIVE_SLOT = /^(ide|scsi|block):\d+(:\d+)?$/;
/** A NIC's DHCP address key: `nic:0:dhcp`. */
const NIC_DHCP = /^nic:\d+:dhcp$/;

/** A drive in a 1.0 server's slot. */
export interface CloudSigmaV1AttachedDrive {
  /** The slot, e.g. `ide:0:0`. */
  readonly slot: string;
  /** Drive uuid. */
  readonly drive: string;
  /** `disk` or `cdrom`, when the server says. */
  readonly media: string | undefined;
}

/** A required field of a 1.0 object. @throws MalformedResponseError */
export function requiredField(object: Readonly<Record<string, string>>, key: string, what: string): string {
  const value = object[key];
  if (value === undefined || value === '') {
    throw new MalformedResponseError({ provider: CLOUDSIGMA, body: formatCloudSigmaText([object]).slice(0, 512), reason: `${what} has no "${key}"` });
  }
  return value;
}

const integer = (value: string | undefined): number | undefined => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);

/** The drives in a 1.0 server's slots. */
export function v1AttachedDrives(server: Readonly<Record<string, string>>): CloudSigmaV1AttachedDrive[] {
  return Object.entries(server)
    .filter(([key, value]) => DRIVE_SLOT.test(key) && value !== '')
    .map(([slot, drive]) => ({ slot, drive, media: server[`${slot}:media`] }));
}

/** Converts a 1.0 server object (`/servers/info`). @throws MalformedResponseError without `server` */
export function convertCloudSigmaV1Node(server: Readonly<Record<string, string>>): Node {
  const id = requiredField(server, 'server', 'server object');
  const dhcp = Object.entries(server).filter(([key]) => NIC_DHCP.test(key)).flatMap(([, value]) => value.split(/\s+/));
  const { publicIps, privateIps } = splitAddresses(dhcp);
  const smp = server.smp;
  return stampProvider({
    id,
    name: server.name ?? '',
    state: cloudSigmaV1NodeState(server.status),
    publicIps,
    privateIps,
    provider: CLOUDSIGMA,
    extra: {
      status: server.status,
      cpu: integer(server.cpu),
      mem: integer(server.mem),
      smp: integer(smp) ?? smp,
      vncIp: server['vnc:ip'],
      vncPassword: server['vnc:password'],
      boot: server.boot,
      persistent: server.persistent === 'true',
      drives: v1AttachedDrives(server),
    },
  }, CLOUDSIGMA);
}

/** Converts a standard drive (`/drives/standard/info`) to an image. @throws MalformedResponseError without `drive` */
export function convertCloudSigmaV1Image(drive: Readonly<Record<string, string>>): NodeImage {
  return stampProvider({
    id: requiredField(drive, 'drive', 'drive object'),
    name: drive.name ?? '',
    extra: {
      size: integer(drive.size),
      os: drive.os,
      bits: integer(drive.bits),
      driveType: drive.drive_type,
      description: drive.description,
      status: drive.status,
      free: drive.free === 'true',
    },
  }, CLOUDSIGMA);
}

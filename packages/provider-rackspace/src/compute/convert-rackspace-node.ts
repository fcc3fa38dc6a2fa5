import { stampProvider } from '@multicloud/core';
import type { Node, NodeImage, NodeSize } from '@multicloud/compute';
import { child, isRecord, text, type JsonRecord } from '../identity/json-fields.js';
import type { RackspaceRegion } from '../identity/rackspace-regions.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { rackspaceLocation } from './convert-rackspace-models.js';
import { rackspaceNodeState } from './rackspace-node-state.js';

/** Network labels whose addresses are public: Rackspace's `public`, and `internet` of some OpenStack clouds. */
const PUBLIC_LABELS: readonly string[] = ['public', 'internet'];

/** A Nova server's addresses split into public (public networks, floating IPs, access IPs) and private ones. */
export function serverAddresses(server: JsonRecord): { publicIps: string[]; privateIps: string[] } {
  const publicIps = new Set<string>();
  const privateIps = new Set<string>();
  for (const [label, list] of Object.entries(child(server, 'addresses'))) {
    if (!Array.isArray(list)) continue;
    for (const entry of list.filter(isRecord)) {
      const address = text(entry, 'addr');
      if (!address) continue;
      const isPublic = PUBLIC_LABELS.includes(label) || text(entry, 'OS-EXT-IPS:type') === 'floating';
      (isPublic ? publicIps : privateIps).add(address);
    }
  }
  for (const key of ['accessIPv4', 'accessIPv6']) {
    const address = text(server, key);
    if (address) publicIps.add(address);
  }
  return { publicIps: [...publicIps], privateIps: [...privateIps] };
}

/** The bare size a server refers to (Nova gives only the flavor id there). */
function referencedSize(flavor: JsonRecord): NodeSize | undefined {
  const id = text(flavor, 'id');
  return id === undefined ? undefined : stampProvider({ id, name: text(flavor, 'name') ?? id, ram: 0, disk: 0, extra: {} }, RACKSPACE);
}

/** The bare image a server refers to (absent for servers booted from a volume). */
function referencedImage(image: JsonRecord): NodeImage | undefined {
  const id = text(image, 'id');
  return id === undefined ? undefined : stampProvider({ id, name: text(image, 'name') ?? id, extra: {} }, RACKSPACE);
}

/** A Nova server (`servers/detail` item or `GET /servers/<id>`) → Node. Numeric ids become strings. */
export function convertRackspaceNode(server: JsonRecord, region: RackspaceRegion): Node {
  const id = text(server, 'id') ?? '';
  const status = text(server, 'status');
  const created = text(server, 'created');
  const createdAt = created === undefined ? undefined : new Date(created);
  const size = referencedSize(child(server, 'flavor'));
  const image = referencedImage(child(server, 'image'));
  return stampProvider({
    id,
    name: text(server, 'name') ?? id,
    state: rackspaceNodeState(status),
    ...serverAddresses(server),
    provider: RACKSPACE,
    ...(size ? { size } : {}),
    ...(image ? { image } : {}),
    location: rackspaceLocation(region),
    ...(createdAt && !Number.isNaN(createdAt.getTime()) ? { createdAt } : {}),
    extra: {
      status,
      progress: server.progress,
      taskState: text(server, 'OS-EXT-STS:task_state'),
      vmState: text(server, 'OS-EXT-STS:vm_state'),
      powerState: server['OS-EXT-STS:power_state'],
      diskConfig: text(server, 'OS-DCF:diskConfig'),
      hostId: text(server, 'hostId'),
      tenantId: text(server, 'tenant_id') ?? text(server, 'tenantId'),
      userId: text(server, 'user_id') ?? text(server, 'userId'),
      keyName: text(server, 'key_name'),
      accessIPv4: text(server, 'accessIPv4'),
      accessIPv6: text(server, 'accessIPv6'),
      flavorId: size?.id,
      imageId: image?.id,
      metadata: child(server, 'metadata'),
      fault: isRecord(server.fault) ? server.fault : undefined,
      updated: text(server, 'updated'),
      uuid: text(server, 'uuid'),
    },
  }, RACKSPACE);
}

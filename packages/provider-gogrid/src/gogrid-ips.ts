import { ProviderError } from '@multicloud/core';
import type { GoGridClient } from './gogrid-client.js';
import { booleanField, objectField, optionName, requiredText, textField, type GoGridObject } from './gogrid-fields.js';

/** An IP address of the GoGrid account (`grid/ip/list`). */
export interface GoGridIp {
  /** GoGrid's id of the address. */
  readonly id: string;
  /** The address. */
  readonly ip: string;
  /** Whether it is a public address. */
  readonly public: boolean;
  /** `Assigned` or `Unassigned`. */
  readonly state: string;
  /** Its subnet, e.g. `192.168.75.64/255.255.255.240`. */
  readonly subnet: string;
  /** Id of its data center, when GoGrid says. */
  readonly datacenterId?: string | undefined;
  /** Name of its data center, e.g. `US-West-1`, when GoGrid says. */
  readonly datacenterName?: string | undefined;
}

/** Filters of an IP address listing (`exListIps`); omitted filters list everything. */
export interface GoGridIpFilter {
  /** Only public (`true`) or only private (`false`) addresses. */
  readonly public?: boolean | undefined;
  /** Only assigned (`true`) or only unassigned (`false`) addresses. */
  readonly assigned?: boolean | undefined;
  /** Only addresses of this data center (its id). */
  readonly datacenterId?: string | undefined;
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
}

/** A `grid/ip/list` item → {@link GoGridIp}. */
export function convertGoGridIp(item: GoGridObject): GoGridIp {
  const datacenter = objectField(item, 'datacenter');
  return Object.freeze({
    id: requiredText(item, 'id', 'an IP address'),
    ip: requiredText(item, 'ip', 'an IP address'),
    public: booleanField(item, 'public') ?? false,
    state: optionName(item, 'state') ?? '',
    subnet: textField(item, 'subnet') ?? '',
    datacenterId: datacenter === undefined ? undefined : textField(datacenter, 'id'),
    datacenterName: datacenter === undefined ? undefined : textField(datacenter, 'name'),
  });
}

/**
 * Lists the account's IP addresses (`grid/ip/list` with `ip.type`, `ip.state`, `datacenter`). The filters are
 * applied again to the answer, so an API that ignores one still yields only matching addresses.
 */
export async function listGoGridIps(client: GoGridClient, filter: GoGridIpFilter = {}): Promise<GoGridIp[]> {
  const answer = await client.call('grid/ip/list', {
    'ip.type': filter.public === undefined ? undefined : filter.public ? 'Public' : 'Private',
    'ip.state': filter.assigned === undefined ? undefined : filter.assigned ? 'Assigned' : 'Unassigned',
    datacenter: filter.datacenterId,
  }, { signal: filter.signal });
  return answer.list.map(convertGoGridIp).filter((ip) =>
    (filter.public === undefined || ip.public === filter.public) &&
    (filter.assigned === undefined || (ip.state === 'Assigned') === filter.assigned) &&
    (filter.datacenterId === undefined || ip.datacenterId === undefined || ip.datacenterId === filter.datacenterId));
}

/**
 * The first unassigned public address (of one data center, if given): GoGrid needs one for every new server and
 * for every balancer's virtual IP.
 * @throws ProviderError when the account has none left
 */
export async function firstFreePublicIp(client: GoGridClient, datacenterId: string | undefined, signal: AbortSignal | undefined): Promise<string> {
  const [free] = await listGoGridIps(client, { public: true, assigned: false, datacenterId, signal });
  if (free === undefined) {
    const where = datacenterId === undefined ? '' : ` in data center ${datacenterId}`;
    throw new ProviderError({
      provider: client.provider,
      status: 0,
      providerMessage: `no unassigned public IP address left${where}; add addresses to the account or name one yourself`,
    });
  }
  return free.ip;
}

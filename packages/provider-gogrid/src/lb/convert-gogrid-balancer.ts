import { stampProvider } from '@multicloud/core';
import type { LoadBalancer, Member } from '@multicloud/lb';
import { objectField, objectList, optionName, requiredInteger, requiredText, textField, booleanField, type GoGridObject } from '../gogrid-fields.js';
import { GOGRID } from '../gogrid-provider.js';
import { goGridAlgorithm, goGridBalancerState } from './gogrid-lb-tables.js';

/** An `ipportpair` (`{ "ip": { "ip", "id", … }, "port" }`) → its address object and port. */
function ipPortPair(pair: GoGridObject, what: string): { readonly address: GoGridObject; readonly port: number } {
  const address = objectField(pair, 'ip');
  if (address === undefined) return { address: { ip: requiredText(pair, 'ip', what) }, port: requiredInteger(pair, 'port', what) };
  return { address, port: requiredInteger(pair, 'port', what) };
}

/** A `realiplist` entry → Member; its id is `<ip>:<port>` (GoGrid has no member ids; the pair is the identity). */
export function convertGoGridMember(pair: GoGridObject): Member {
  const { address, port } = ipPortPair(pair, 'a real IP');
  const ip = requiredText(address, 'ip', 'a real IP');
  return stampProvider({
    id: `${ip}:${port}`,
    ip,
    port,
    extra: { ipId: textField(address, 'id'), public: booleanField(address, 'public'), state: optionName(address, 'state') },
  }, GOGRID);
}

/** The members of a GoGrid balancer object. */
export function convertGoGridMembers(item: GoGridObject): Member[] {
  return item.realiplist === undefined ? [] : objectList(item, 'realiplist').map(convertGoGridMember);
}

/** A GoGrid balancer object → LoadBalancer. One that has just been added may have no `id` yet (then `''`). */
export function convertGoGridBalancer(item: GoGridObject): LoadBalancer {
  const virtualIp = objectField(item, 'virtualip');
  const { address, port } = virtualIp === undefined ? { address: {}, port: 0 } : ipPortPair(virtualIp, 'a virtual IP');
  const type = optionName(item, 'type');
  return stampProvider({
    id: textField(item, 'id') ?? '',
    name: requiredText(item, 'name', 'a load balancer'),
    state: goGridBalancerState(optionName(item, 'state')),
    ip: textField(address, 'ip') ?? '',
    port,
    extra: {
      state: optionName(item, 'state'),
      type,
      algorithm: goGridAlgorithm(type),
      persistence: optionName(item, 'persistence'),
      datacenter: optionName(item, 'datacenter'),
      os: optionName(item, 'os'),
      virtualIpId: textField(address, 'id'),
      members: convertGoGridMembers(item),
    },
  }, GOGRID);
}

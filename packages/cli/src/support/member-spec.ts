import type { Member, MemberSpec } from '@multicloud/lb';
import { UsageError } from './usage-error.js';

/** `10.0.0.5:8080` or `[2001:db8::1]:80` as an address member; anything else (`i-0abc…`) as a resource id. */
export function parseMemberSpec(text: string): MemberSpec {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d+)$/.exec(text);
  if (!match) {
    if (text.trim() === '' || text.includes(':')) throw new UsageError(`expected a member as ip:port or an id, got "${text}"`);
    return { id: text };
  }
  const port = Number(match[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new UsageError(`member port must be 1-65535, got "${match[3]}"`);
  return { ip: match[1] ?? match[2] ?? '', port };
}

/** The member of a balancer that `text` names: by id, or by `ip:port`. */
export function findMember(members: readonly Member[], text: string, balancerId: string): Member {
  const spec = parseMemberSpec(text);
  const found = members.find((member) => ('id' in spec ? member.id === spec.id : member.ip === spec.ip && member.port === spec.port))
    ?? members.find((member) => member.id === text);
  if (found) return found;
  const known = members.map((member) => (member.ip ? `${member.id} (${member.ip}:${member.port})` : member.id)).join(', ') || 'none';
  throw new UsageError(`balancer ${balancerId} has no member "${text}" (members: ${known})`, `see \`multicloud lb members ${balancerId}\``);
}

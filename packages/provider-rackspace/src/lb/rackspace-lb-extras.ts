import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import { BalancerDoesNotExistError, type CallOptions, type LoadBalancer, type Member } from '@multicloud/lb';
import { isRecord, requireList, requireRecord, text } from '../identity/json-fields.js';
import { RACKSPACE } from '../identity/rackspace-settings.js';
import { balancerPath, writeAndWait, type LbContext } from './rackspace-lb-context.js';
import { updateRackspaceMember, type RackspaceMemberUpdate } from './rackspace-members.js';
import { checkHealthMonitor, checkThrottle, type RackspaceConnectionThrottle, type RackspaceHealthMonitor } from './rackspace-lb-settings-checks.js';

/** One rule of a balancer's access list. */
export interface RackspaceAccessRule {
  /** Rule id (absent on rules not created yet). */
  readonly id?: string | undefined;
  /** IPv4/IPv6 address or CIDR network. */
  readonly address: string;
  /** Whether matching clients are let in or kept out. */
  readonly type: 'ALLOW' | 'DENY';
}

/** Rackspace-only load-balancer operations. Every write waits until the balancer is active again. */
export interface RackspaceLoadBalancerExtras {
  /** Lists the access list (`GET …/accesslist`). */
  exListAccessRules(balancer: LoadBalancer, options?: CallOptions): Promise<RackspaceAccessRule[]>;
  /** Adds access rules (`POST …/accesslist`). */
  exAddAccessRules(balancer: LoadBalancer, rules: readonly RackspaceAccessRule[], options?: CallOptions): Promise<void>;
  /** Deletes one access rule by id (`DELETE …/accesslist/<id>`). */
  exDeleteAccessRule(balancer: LoadBalancer, ruleId: string, options?: CallOptions): Promise<void>;
  /** Deletes the whole access list (`DELETE …/accesslist`). */
  exClearAccessList(balancer: LoadBalancer, options?: CallOptions): Promise<void>;
  /** Reads the health monitor; undefined when there is none (`GET …/healthmonitor`). */
  exGetHealthMonitor(balancer: LoadBalancer, options?: CallOptions): Promise<RackspaceHealthMonitor | undefined>;
  /** Sets the health monitor (`PUT …/healthmonitor`). */
  exSetHealthMonitor(balancer: LoadBalancer, monitor: RackspaceHealthMonitor, options?: CallOptions): Promise<void>;
  /** Removes the health monitor (`DELETE …/healthmonitor`). */
  exRemoveHealthMonitor(balancer: LoadBalancer, options?: CallOptions): Promise<void>;
  /** Reads connection throttling; undefined when off (`GET …/connectionthrottle`). */
  exGetConnectionThrottle(balancer: LoadBalancer, options?: CallOptions): Promise<RackspaceConnectionThrottle | undefined>;
  /** Sets connection throttling (`PUT …/connectionthrottle`). */
  exSetConnectionThrottle(balancer: LoadBalancer, throttle: RackspaceConnectionThrottle, options?: CallOptions): Promise<void>;
  /** Turns connection throttling off (`DELETE …/connectionthrottle`). */
  exRemoveConnectionThrottle(balancer: LoadBalancer, options?: CallOptions): Promise<void>;
  /** Whether connection logging (to Cloud Files) is on (`GET …/connectionlogging`). */
  exGetConnectionLogging(balancer: LoadBalancer, options?: CallOptions): Promise<boolean>;
  /** Turns connection logging on or off (`PUT …/connectionlogging`). */
  exSetConnectionLogging(balancer: LoadBalancer, enabled: boolean, options?: CallOptions): Promise<void>;
  /** The HTML page shown when no member can answer (`GET …/errorpage`). */
  exGetErrorPage(balancer: LoadBalancer, options?: CallOptions): Promise<string>;
  /** Sets a custom error page (`PUT …/errorpage`, at most 65536 characters). */
  exSetErrorPage(balancer: LoadBalancer, html: string, options?: CallOptions): Promise<void>;
  /** Restores the default error page (`DELETE …/errorpage`). */
  exRemoveErrorPage(balancer: LoadBalancer, options?: CallOptions): Promise<void>;
  /** Changes a member's condition (`ENABLED`/`DISABLED`/`DRAINING`) or weight. */
  exUpdateMember(balancer: LoadBalancer, member: Member, update: RackspaceMemberUpdate): Promise<void>;
}

const MAX_ERROR_PAGE = 65_536;

function checkRule(rule: RackspaceAccessRule, index: number): { address: string; type: string } {
  assertNonEmptyString(`rules[${index}].address`, rule?.address);
  if (rule.type !== 'ALLOW' && rule.type !== 'DENY') throw new ValidationError(`rules[${index}].type`, "must be 'ALLOW' or 'DENY'");
  return { address: rule.address, type: rule.type };
}

/** The `ex` load-balancer methods bound to a context. */
export function rackspaceLoadBalancerExtras(context: LbContext): RackspaceLoadBalancerExtras {
  const read = async (balancer: LoadBalancer, sub: string, options: CallOptions = {}) => {
    assertOwnModel('balancer', balancer, RACKSPACE);
    return context.service.call('GET', balancerPath(balancer.id, sub), { signal: options.signal, notFound: BalancerDoesNotExistError });
  };
  const write = async (balancer: LoadBalancer, method: string, sub: string, body: unknown, options: CallOptions = {}) => {
    await writeAndWait(context, balancer, method, sub, { signal: options.signal, body });
  };
  /** A sub-resource object, or undefined when the service answers an empty one (the feature is off). */
  const optionalRecord = async (balancer: LoadBalancer, sub: string, key: string, options?: CallOptions) => {
    const answer = await read(balancer, sub, options);
    const value = isRecord(answer.body) ? answer.body[key] : undefined;
    return isRecord(value) && Object.keys(value).length > 0 ? value : undefined;
  };
  return {
    exListAccessRules: async (balancer, options) => requireList(await read(balancer, '/accesslist', options), 'accessList').map((rule) => ({
      id: text(rule, 'id'), address: text(rule, 'address') ?? '', type: text(rule, 'type') === 'ALLOW' ? 'ALLOW' : 'DENY',
    })),
    exAddAccessRules: async (balancer, rules, options) => {
      if (!Array.isArray(rules) || rules.length === 0) throw new ValidationError('rules', 'give at least one rule');
      await write(balancer, 'POST', '/accesslist', { accessList: rules.map(checkRule) }, options);
    },
    exDeleteAccessRule: async (balancer, ruleId, options) => {
      assertNonEmptyString('ruleId', ruleId);
      await write(balancer, 'DELETE', `/accesslist/${encodeURIComponent(ruleId)}`, undefined, options);
    },
    exClearAccessList: (balancer, options) => write(balancer, 'DELETE', '/accesslist', undefined, options),
    exGetHealthMonitor: async (balancer, options) => (await optionalRecord(balancer, '/healthmonitor', 'healthMonitor', options)) as RackspaceHealthMonitor | undefined,
    exSetHealthMonitor: async (balancer, monitor, options) => {
      checkHealthMonitor(monitor);
      await write(balancer, 'PUT', '/healthmonitor', { healthMonitor: monitor }, options);
    },
    exRemoveHealthMonitor: (balancer, options) => write(balancer, 'DELETE', '/healthmonitor', undefined, options),
    exGetConnectionThrottle: async (balancer, options) => (await optionalRecord(balancer, '/connectionthrottle', 'connectionThrottle', options)) as RackspaceConnectionThrottle | undefined,
    exSetConnectionThrottle: async (balancer, throttle, options) => {
      checkThrottle(throttle);
      await write(balancer, 'PUT', '/connectionthrottle', { connectionThrottle: throttle }, options);
    },
    exRemoveConnectionThrottle: (balancer, options) => write(balancer, 'DELETE', '/connectionthrottle', undefined, options),
    exGetConnectionLogging: async (balancer, options) => requireRecord(await read(balancer, '/connectionlogging', options), 'connectionLogging').enabled === true,
    exSetConnectionLogging: async (balancer, enabled, options) => {
      if (typeof enabled !== 'boolean') throw new ValidationError('enabled', 'must be true or false');
      await write(balancer, 'PUT', '/connectionlogging', { connectionLogging: { enabled } }, options);
    },
    exGetErrorPage: async (balancer, options) => text(requireRecord(await read(balancer, '/errorpage', options), 'errorpage'), 'content') ?? '',
    exSetErrorPage: async (balancer, html, options) => {
      assertNonEmptyString('html', html);
      if (html.length > MAX_ERROR_PAGE) throw new ValidationError('html', `must be at most ${MAX_ERROR_PAGE} characters`);
      await write(balancer, 'PUT', '/errorpage', { errorpage: { content: html } }, options);
    },
    exRemoveErrorPage: (balancer, options) => write(balancer, 'DELETE', '/errorpage', undefined, options),
    exUpdateMember: (balancer, member, update) => updateRackspaceMember(context, balancer, member, update),
  };
}

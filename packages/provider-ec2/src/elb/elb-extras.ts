import { assertOwnModel } from '@multicloud/core';
import type { CallOptions, LoadBalancer } from '@multicloud/lb';
import type { QueryClient } from '../aws/query-client.js';
import type { QueryValue } from '../aws/query-params.js';
import { items, text, type XmlRecord } from '../aws/xml-fields.js';
import { ELB } from './convert-elb-balancer.js';

/** A health check of a classic ELB. */
export interface ElbHealthCheck {
  /** What to probe, e.g. `HTTP:80/health` or `TCP:22`. */
  readonly target: string;
  /** Seconds between probes. */
  readonly interval: number;
  /** Seconds a probe may take. */
  readonly timeout: number;
  /** Successes before an instance counts as healthy. */
  readonly healthyThreshold: number;
  /** Failures before an instance counts as unhealthy. */
  readonly unhealthyThreshold: number;
}

/** A policy of a classic ELB. */
export interface ElbPolicy {
  /** Policy name. */
  readonly name: string;
  /** Policy type, e.g. `LBCookieStickinessPolicyType`. */
  readonly typeName: string;
  /** Attributes by name. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** The ELB-only operations (`ex` methods): health checks and policies. */
export interface ElbExtras {
  /** Sets the balancer's health check. */
  exConfigureHealthCheck(balancer: LoadBalancer, healthCheck: ElbHealthCheck, options?: CallOptions): Promise<void>;
  /** Lists the balancer's policies. */
  exListPolicies(balancer: LoadBalancer, options?: CallOptions): Promise<ElbPolicy[]>;
  /** Creates a policy on the balancer. */
  exCreatePolicy(balancer: LoadBalancer, policy: ElbPolicy, options?: CallOptions): Promise<void>;
  /** Sets the policies of the listener on `port` (an empty list removes them). */
  exSetListenerPolicies(balancer: LoadBalancer, port: number, policyNames: readonly string[], options?: CallOptions): Promise<void>;
  /** Sets the policies of the back-end servers on `instancePort`. */
  exSetBackendPolicies(balancer: LoadBalancer, instancePort: number, policyNames: readonly string[], options?: CallOptions): Promise<void>;
}

/** A policy name list in Query form; an empty list is sent as `PolicyNames=`, which removes all policies. */
const policyList = (names: readonly string[]): Record<string, QueryValue> => (names.length > 0 ? { 'PolicyNames.member': names } : { PolicyNames: '' });

/** Builds the `ex` methods over the ELB Query API client. */
export function elbExtras(client: QueryClient): ElbExtras {
  const call = (action: string, balancer: LoadBalancer, params: Readonly<Record<string, QueryValue>>, options?: CallOptions) => {
    assertOwnModel('balancer', balancer, ELB);
    return client.call(action, { LoadBalancerName: balancer.id, ...params }, { signal: options?.signal, idempotent: true });
  };
  return {
    async exConfigureHealthCheck(balancer, healthCheck, options) {
      await call('ConfigureHealthCheck', balancer, {
        'HealthCheck.Target': healthCheck.target, 'HealthCheck.Interval': healthCheck.interval, 'HealthCheck.Timeout': healthCheck.timeout,
        'HealthCheck.HealthyThreshold': healthCheck.healthyThreshold, 'HealthCheck.UnhealthyThreshold': healthCheck.unhealthyThreshold,
      }, options);
    },
    async exListPolicies(balancer, options) {
      const root = await call('DescribeLoadBalancerPolicies', balancer, {}, options);
      const resultElement = (root.DescribeLoadBalancerPoliciesResult as XmlRecord | undefined) ?? root;
      return items(resultElement, 'PolicyDescriptions', 'member').map((policy) => ({
        name: text(policy, 'PolicyName') ?? '',
        typeName: text(policy, 'PolicyTypeName') ?? '',
        attributes: Object.fromEntries(items(policy, 'PolicyAttributeDescriptions', 'member').map((attribute) => [text(attribute, 'AttributeName') ?? '', text(attribute, 'AttributeValue') ?? ''])),
      }));
    },
    async exCreatePolicy(balancer, policy, options) {
      const attributes = Object.entries(policy.attributes).map(([AttributeName, AttributeValue]) => ({ AttributeName, AttributeValue }));
      await call('CreateLoadBalancerPolicy', balancer, { PolicyName: policy.name, PolicyTypeName: policy.typeName, 'PolicyAttributes.member': attributes }, options);
    },
    async exSetListenerPolicies(balancer, port, policyNames, options) {
      await call('SetLoadBalancerPoliciesOfListener', balancer, { LoadBalancerPort: port, ...policyList(policyNames) }, options);
    },
    async exSetBackendPolicies(balancer, instancePort, policyNames, options) {
      await call('SetLoadBalancerPoliciesForBackendServer', balancer, { InstancePort: instancePort, ...policyList(policyNames) }, options);
    },
  };
}

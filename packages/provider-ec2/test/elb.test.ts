import { ValidationError } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { BalancerDoesNotExistError } from '@multicloud/lb';
import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
import { describe, expect, it } from 'vitest';
import { MISSING_BALANCER, useRecordedElb } from './support/elb-test-driver.js';

const elb = useRecordedElb();

describeConformance('elb', loadBalancerConformanceChecks({
  provider: 'elb',
  createDriver: () => elb.driver(),
  balancerName: 'tests',
  members: [{ id: 'i-64bd081c' }],
  extraMember: { id: 'i-0b1c2d3e' },
  missingBalancerId: MISSING_BALANCER,
}));

describe('elb', () => {
  it('parses DescribeLoadBalancers and signs for elasticloadbalancing', async () => {
    const [balancer] = await elb.driver().listBalancers();
    expect(balancer).toMatchObject({ id: 'tests', name: 'tests', state: 'running', ip: 'tests.us-east-1.elb.amazonaws.com', port: 80 });
    expect(balancer!.extra).toMatchObject({
      instanceIds: ['i-64bd081c'], availabilityZones: ['us-east-1e'], vpcId: 'vpc-56e10e3d',
      listeners: [{ protocol: 'http', port: 80, instanceProtocol: 'http', instancePort: 80 }],
      healthCheck: { target: 'TCP:22', interval: 30, timeout: 5, healthyThreshold: 10, unhealthyThreshold: 2 },
    });
    const [request] = elb.sent;
    expect(request!.url).toBe('https://elasticloadbalancing.us-east-1.amazonaws.com/');
    expect(Object.fromEntries(request!.params)).toEqual({ Action: 'DescribeLoadBalancers', Version: '2012-06-01' });
    expect(request!.headers.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/elasticloadbalancing\/aws4_request/);
  });

  it('creates a balancer with a listener in the default zone, then registers the members', async () => {
    const balancer = await elb.driver().createBalancer({ name: 'web', port: 443, protocol: 'https', members: [{ id: 'i-1' }, { id: 'i-2' }], exInstancePort: 8443 });
    expect(balancer).toMatchObject({ id: 'web', ip: 'tests.example.com', port: 443 });
    expect(Object.fromEntries(elb.sent[0]!.params)).toEqual({
      Action: 'CreateLoadBalancer', Version: '2012-06-01', LoadBalancerName: 'web', 'AvailabilityZones.member.1': 'us-east-1a',
      'Listeners.member.1.Protocol': 'HTTPS', 'Listeners.member.1.LoadBalancerPort': '443', 'Listeners.member.1.InstanceProtocol': 'HTTPS', 'Listeners.member.1.InstancePort': '8443',
    });
    expect(Object.fromEntries(elb.sent[1]!.params)).toMatchObject({ Action: 'RegisterInstancesWithLoadBalancer', 'Instances.member.1.InstanceId': 'i-1', 'Instances.member.2.InstanceId': 'i-2' });
  });

  it('attaches an EC2 node by instance id and refuses nodes of other clouds', async () => {
    const driver = elb.driver();
    const balancer = await driver.getBalancer('tests');
    const member = await driver.attachComputeNode(balancer, { id: 'i-77', provider: 'ec2', publicIps: ['1.2.3.4'], privateIps: [] });
    expect(member).toMatchObject({ id: 'i-77', ip: '', port: 80 });
    await expect(driver.attachComputeNode(balancer, { id: '1', provider: 'rackspace', publicIps: ['1.2.3.4'], privateIps: [] })).rejects.toThrow(/^node: an ELB balances EC2 instances/);
    await expect(driver.attachMember(balancer, { ip: '10.0.0.1', port: 80 })).rejects.toThrow(ValidationError);
    expect(elb.sent.map((request) => request.params.get('Action'))).toEqual(['DescribeLoadBalancers', 'RegisterInstancesWithLoadBalancer']);
  });

  it('maps LoadBalancerNotFound and validates names and protocols before any request', async () => {
    const error = await elb.driver().getBalancer(MISSING_BALANCER).catch((caught: unknown) => caught);
    expect(BalancerDoesNotExistError.isInstance(error) && error).toMatchObject({ status: 400, providerCode: 'LoadBalancerNotFound', requestId: 'a3b2-1234' });
    const driver = elb.driver();
    await expect(driver.createBalancer({ name: '-bad-', port: 80, protocol: 'http' })).rejects.toThrow(/^options.name: /);
    await expect(driver.createBalancer({ name: 'ok', port: 80, protocol: 'udp' })).rejects.toThrow('ELB does not support protocol "udp"; supported: http, https, tcp, ssl');
    await expect(driver.createBalancer({ name: 'ok', port: 80, protocol: 'http', algorithm: 'least-connections' })).rejects.toThrow(/supported: round-robin/);
    expect(elb.sent).toHaveLength(1);
  });

  it('configures health checks and lists policies as ex methods', async () => {
    const driver = elb.driver();
    const balancer = await driver.getBalancer('tests');
    await driver.exConfigureHealthCheck(balancer, { target: 'HTTP:80/health', interval: 10, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 2 });
    expect(Object.fromEntries(elb.sent[1]!.params)).toMatchObject({ Action: 'ConfigureHealthCheck', LoadBalancerName: 'tests', 'HealthCheck.Target': 'HTTP:80/health', 'HealthCheck.Interval': '10' });
    const policies = await driver.exListPolicies(balancer);
    expect(policies.length).toBeGreaterThan(0);
    expect(policies[0]!.name).not.toBe('');
    await driver.exSetListenerPolicies(balancer, 80, []);
    expect(Object.fromEntries(elb.sent[3]!.params)).toMatchObject({ Action: 'SetLoadBalancerPoliciesOfListener', LoadBalancerPort: '80', PolicyNames: '' });
  });
});

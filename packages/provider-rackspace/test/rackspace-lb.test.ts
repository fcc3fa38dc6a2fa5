import { describeConformance } from '@multicloud/core/testing';
import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
import { describe, expect, it } from 'vitest';
import { ACCEPTED, MISSING_BALANCER_ID, balancer8290, lbFixture, useRecordedRackspaceLb } from './support/rackspace-lb-test-driver.js';
import { inTurn } from '@multicloud/fixture-server';

const lb = useRecordedRackspaceLb();
const LB = 'https://dfw.loadbalancers.api.rackspacecloud.com/v1.0/11111/loadbalancers';
const requests = () => lb.sent.slice(1).map((request) => [request.method, request.url, request.body ? JSON.parse(request.body) : undefined]);

describeConformance('rackspace lb', loadBalancerConformanceChecks({
  provider: 'rackspace',
  createDriver: () => lb.driver(),
  members: [{ ip: '10.1.0.10', port: 80 }, { ip: '10.1.0.11', port: 80 }],
  extraMember: { ip: '10.1.0.12', port: 80 },
  missingBalancerId: MISSING_BALANCER_ID,
}));

describe('rackspace balancers', () => {
  it('lists balancers with the token from the catalog URL of the region', async () => {
    const balancers = await lb.driver().listBalancers();
    expect(balancers.map((balancer) => [balancer.id, balancer.name, balancer.state, balancer.ip, balancer.port])).toEqual([
      ['8155', 'test0', 'running', '1.1.1.25', 80], ['8156', 'test1', 'running', '1.1.1.83', 80],
    ]);
    expect(balancers[0]!.extra).toMatchObject({ protocol: 'http', algorithm: 'random', rackspaceAlgorithm: 'RANDOM', created: '2011-04-06T21:25:19+0000' });
    const [tokens, list] = lb.sent;
    expect(tokens!.url).toBe('https://identity.api.rackspacecloud.com/v2.0/tokens');
    expect(list).toMatchObject({ method: 'GET', url: `${LB}?limit=100` });
    expect(list!.headers['x-auth-token']).toMatch(/\S/);
  });

  it('filters by member address and maps every status of the fixtures', async () => {
    const balancers = await lb.driver().listBalancers({ exMemberAddress: '10.1.0.11' });
    expect(balancers.map((balancer) => [balancer.id, balancer.state])).toEqual([['1', 'running'], ['2', 'pending'], ['8', 'error']]);
    expect(lb.sent[1]!.url).toBe(`${LB}?limit=100&nodeaddress=10.1.0.11`);
  });

  it('follows the links next marker', async () => {
    const page = lbFixture('v1_slug_loadbalancers.json');
    const first = JSON.stringify({ ...page, links: [{ rel: 'next', href: `${LB}?limit=100&marker=8156` }] });
    lb.answer({ list: (request) => ({ body: request.params.get('marker') ? JSON.stringify({ loadBalancers: [] }) : first }) });
    expect(await lb.driver().listBalancers()).toHaveLength(2);
    expect(lb.sent.slice(1).map((request) => request.url)).toEqual([`${LB}?limit=100`, `${LB}?limit=100&marker=8156`]);
  });

  it('gets a balancer with its members, their conditions and the extras', async () => {
    const driver = lb.driver();
    const balancer = await driver.getBalancer('8290');
    expect(balancer).toMatchObject({ id: '8290', name: 'test2', state: 'running', ip: '1.1.1.1', port: 80 });
    expect((balancer.extra.members as { extra: { condition: string } }[]).map((member) => member.extra.condition)).toEqual(['ENABLED', 'DISABLED', 'DRAINING']);
    const full = await driver.getBalancer('94695');
    expect(full.extra).toMatchObject({
      algorithm: 'weighted-least-connections', healthMonitor: { type: 'CONNECT', delay: 10 }, connectionThrottle: { maxConnections: 200 },
      connectionLoggingEnabled: true, sessionPersistence: 'HTTP_COOKIE', sourceAddresses: { ipv4Public: '184.106.100.25' },
    });
    expect(lb.sent.slice(1).map((request) => request.url)).toEqual([`${LB}/8290`, `${LB}/94695`]);
  });

  it('creates a balancer (202, BUILD) and waits until it is ACTIVE before returning it', async () => {
    lb.answer({ get: inTurn(balancer8290('BUILD'), balancer8290('BUILD'), balancer8290('ACTIVE')) });
    const balancer = await lb.driver().createBalancer({
      name: 'test2', port: 80, protocol: 'HTTP', algorithm: 'weighted-round-robin', exVirtualIpType: 'SERVICENET',
      members: [{ ip: '10.1.0.11', port: 80 }, { ip: '10.1.0.10', port: 80 }],
    });
    expect(balancer).toMatchObject({ id: '8290', state: 'running' });
    expect(requests()).toEqual([
      ['GET', `${LB}/protocols`, undefined],
      ['POST', LB, { loadBalancer: {
        name: 'test2', port: 80, protocol: 'HTTP', algorithm: 'WEIGHTED_ROUND_ROBIN', virtualIps: [{ type: 'SERVICENET' }],
        nodes: [{ address: '10.1.0.11', port: 80, condition: 'ENABLED' }, { address: '10.1.0.10', port: 80, condition: 'ENABLED' }],
      } }],
      ['GET', `${LB}/8290`, undefined], ['GET', `${LB}/8290`, undefined], ['GET', `${LB}/8290`, undefined],
    ]);
    expect(lb.sent[2]!.headers['content-type']).toBe('application/json');
  });

  it('updates a balancer (202) and waits through PENDING_UPDATE until it is ACTIVE again', async () => {
    lb.answer({ get: inTurn(balancer8290('ACTIVE'), balancer8290('PENDING_UPDATE'), balancer8290('ACTIVE')) });
    const driver = lb.driver();
    const balancer = await driver.getBalancer('8290');
    const updated = await driver.updateBalancer(balancer, { name: 'renamed', port: 8080, protocol: 'https', algorithm: 'least-connections' });
    expect(updated.state).toBe('running');
    expect(requests()).toEqual([
      ['GET', `${LB}/8290`, undefined],
      ['GET', `${LB}/protocols`, undefined],
      ['PUT', `${LB}/8290`, { loadBalancer: { name: 'renamed', port: 8080, protocol: 'HTTPS', algorithm: 'LEAST_CONNECTIONS' } }],
      ['GET', `${LB}/8290`, undefined], ['GET', `${LB}/8290`, undefined],
    ]);
  });

  it('lists protocols and algorithms from the API', async () => {
    const driver = lb.driver();
    expect(await driver.listProtocols()).toEqual(['http', 'ftp', 'imapv4', 'pop3', 'smtp', 'ldap', 'https', 'imaps', 'pop3s', 'ldaps']);
    expect(await driver.listSupportedAlgorithms()).toEqual(['least-connections', 'random', 'round-robin', 'weighted-least-connections', 'weighted-round-robin']);
    expect(lb.sent.slice(1).map((request) => request.url)).toEqual([`${LB}/protocols`, `${LB}/algorithms`]);
  });
});

describe('rackspace members', () => {
  it('attaches (with condition and weight), lists, updates and detaches members, waiting after each write', async () => {
    const driver = lb.driver();
    const balancer = await driver.getBalancer('8290');
    const member = await driver.attachMember(balancer, { ip: '10.1.0.12', port: 80 }, { exCondition: 'DRAINING', exWeight: 5 });
    expect(member).toMatchObject({ id: '30972', ip: '10.1.0.12', port: 80, extra: { condition: 'ENABLED', status: 'ONLINE', weight: 1 } });
    const members = await driver.listMembers(balancer);
    expect(members.map((each) => [each.id, each.ip, each.port, each.extra.condition])).toEqual([
      ['30944', '10.1.0.11', 80, 'ENABLED'], ['30945', '10.1.0.10', 80, 'DISABLED'], ['30946', '10.1.0.9', 8080, 'DRAINING'],
    ]);
    await driver.exUpdateMember(balancer, member, { condition: 'DISABLED', weight: 3 });
    await driver.detachMember(balancer, member);
    expect(requests()).toEqual([
      ['GET', `${LB}/8290`, undefined],
      ['POST', `${LB}/8290/nodes`, { nodes: [{ address: '10.1.0.12', port: 80, condition: 'DRAINING', weight: 5 }] }],
      ['GET', `${LB}/8290`, undefined],
      ['GET', `${LB}/8290/nodes`, undefined],
      ['PUT', `${LB}/8290/nodes/30972`, { node: { condition: 'DISABLED', weight: 3 } }],
      ['GET', `${LB}/8290`, undefined],
      ['DELETE', `${LB}/8290/nodes/30972`, undefined],
      ['GET', `${LB}/8290`, undefined],
    ]);
  });

  it('attaches a Rackspace server by its ServiceNet address, and another cloud\'s node by its public one', async () => {
    lb.answer({ addMembers: { status: 202, file: 'v1_slug_loadbalancers_8292_nodes_post.json' } });
    const driver = lb.driver();
    const balancer = await driver.getBalancer('8290');
    const { stampProvider } = await import('@multicloud/core');
    const server = stampProvider({ id: '12064', publicIps: ['50.57.94.30'], privateIps: ['fec0::1', '10.1.0.13'], provider: 'rackspace' }, 'rackspace');
    const member = await driver.attachComputeNode(balancer, server);
    expect(member).toMatchObject({ id: '30973', ip: '10.1.0.13' });
    await driver.attachComputeNode(balancer, { id: 'i-1', publicIps: ['10.1.0.12'], privateIps: ['172.31.0.5'], provider: 'ec2' }, { port: 8080 });
    const bodies = lb.sent.filter((request) => request.method === 'POST' && request.url.endsWith('/nodes')).map((request) => JSON.parse(request.body));
    expect(bodies).toEqual([
      { nodes: [{ address: '10.1.0.13', port: 80, condition: 'ENABLED' }] },
      { nodes: [{ address: '10.1.0.12', port: 8080, condition: 'ENABLED' }] },
    ]);
  });

  it('deletes a balancer without waiting', async () => {
    lb.answer({ update: ACCEPTED });
    const driver = lb.driver();
    await driver.destroyBalancer(await driver.getBalancer('8291'));
    expect(requests()).toEqual([['GET', `${LB}/8291`, undefined], ['DELETE', `${LB}/8291`, undefined]]);
  });
});

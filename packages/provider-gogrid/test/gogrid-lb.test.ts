import { NotFoundError, UnsupportedOperationError, ValidationError, stampProvider } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
import type { LoadBalancer } from '@multicloud/lb';
import { describe, expect, it } from 'vitest';
import { MISSING_ID } from './support/gogrid-route.js';
import { lbFixture, useRecordedGoGridLb } from './support/gogrid-test-lb.js';

const lb = useRecordedGoGridLb();
const AUTH_PARAMETERS = ['api_key', 'v', 'format', 'sig'];
const ownParams = (params: URLSearchParams) => [...params.entries()].filter(([key]) => !AUTH_PARAMETERS.includes(key));
/** Balancer 23530 as Libcloud's loadbalancer_get.json describes it, without a request. */
const balancer23530 = (): LoadBalancer => stampProvider({ id: '23530', name: 'test2', state: 'running', ip: '10.0.0.68', port: 80, extra: { algorithm: 'round-robin' } }, 'gogrid');

describeConformance('gogrid lb', loadBalancerConformanceChecks({
  provider: 'gogrid',
  createDriver: () => lb.driver(),
  balancerName: 'test2',
  members: [{ ip: '10.1.0.10', port: 80 }, { ip: '10.1.0.11', port: 80 }],
  extraMember: { ip: '10.0.0.75', port: 80 },
  missingBalancerId: MISSING_ID,
}));

describe('gogrid lb listings', () => {
  it('lists balancers with virtual IP, algorithm and members, signed like every GoGrid call', async () => {
    const driver = lb.driver();
    expect(await driver.listProtocols()).toEqual(['http']);
    expect(await driver.listSupportedAlgorithms()).toEqual(['round-robin', 'least-connections']);
    const balancers = await driver.listBalancers();
    expect(balancers.map((balancer) => [balancer.id, balancer.name, balancer.state, balancer.ip, balancer.port])).toEqual([
      ['23517', 'foo', 'running', '10.0.0.66', 80],
      ['23526', 'bar', 'running', '10.0.0.67', 80],
    ]);
    expect(balancers[1]!.extra).toMatchObject({ algorithm: 'round-robin', type: 'Round Robin', persistence: 'None', datacenter: 'US-West-1', virtualIpId: '1868100' });
    expect((balancers[1]!.extra.members as { id: string }[]).map((member) => member.id)).toEqual(['10.0.0.76:80', '10.0.0.77:80', '10.0.0.78:80']);
    const [request] = lb.sent;
    expect([request!.method, request!.url.split('?')[0]]).toEqual(['GET', 'https://api.gogrid.com/api/grid/loadbalancer/list']);
    expect([...request!.params.keys()]).toEqual(AUTH_PARAMETERS);
    expect(request!.params.get('sig')).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(request!.params)).toMatchObject({ api_key: 'gogrid-test-key', v: '1.8', format: 'json' });
  });

  it('gets a balancer and its members by id', async () => {
    const driver = lb.driver();
    const balancer = await driver.getBalancer('23530');
    expect(balancer).toMatchObject({ id: '23530', name: 'test2', ip: '10.0.0.68', port: 80 });
    const members = await driver.listMembers(balancer);
    expect(members.map((member) => [member.id, member.ip, member.port, member.extra.ipId])).toEqual([
      ['10.0.0.76:80', '10.0.0.76', 80, '1868109'], ['10.0.0.77:80', '10.0.0.77', 80, '1868110'], ['10.0.0.78:80', '10.0.0.78', 80, '1868111'],
    ]);
    expect(lb.methods()).toEqual(['grid/loadbalancer/get', 'grid/loadbalancer/get']);
    expect(lb.sent.map((request) => request.params.get('id'))).toEqual(['23530', '23530']);
  });
});

describe('gogrid createBalancer', () => {
  it('takes the first free public IP as the virtual IP and sends the real-IP list', async () => {
    const balancer = await lb.driver().createBalancer({ name: 'test2', port: 80, protocol: 'http', algorithm: 'round-robin', members: [{ ip: '10.1.0.10', port: 80 }, { ip: '10.1.0.11', port: 8080 }] });
    expect(balancer).toMatchObject({ id: '123', name: 'test2', ip: '1.1.1.1', port: 80, state: 'running' });
    expect(lb.methods()).toEqual(['grid/ip/list', 'grid/loadbalancer/add']);
    expect(Object.fromEntries(ownParams(lb.sent[0]!.params))).toEqual({ 'ip.type': 'Public', 'ip.state': 'Unassigned' });
    const add = lb.sent[1]!;
    expect(add.method).toBe('POST');
    expect(ownParams(add.params)).toEqual([
      ['name', 'test2'], ['loadbalancer.type', 'round robin'], ['virtualip.ip', '10.0.0.68'], ['virtualip.port', '80'],
      ['realiplist.0.ip', '10.1.0.10'], ['realiplist.0.port', '80'], ['realiplist.1.ip', '10.1.0.11'], ['realiplist.1.port', '8080'],
    ]);
    expect(add.url).toContain('loadbalancer.type=round+robin');
  });

  it('maps least-connections, honours exVirtualIp and waits for an id GoGrid has not given yet', async () => {
    const added = lbFixture('loadbalancer_add.json');
    added.list = added.list.map(({ id: _id, ...rest }) => rest);
    let lists = 0;
    lb.answer({
      'grid/loadbalancer/add': { body: JSON.stringify(added) },
      'grid/loadbalancer/list': () => (lists++ === 0 ? { file: 'loadbalancer_list.json' } : { body: JSON.stringify({ ...added, list: added.list.map((item) => ({ ...item, id: 124 })) }) }),
    });
    const balancer = await lb.driver().createBalancer({ name: 'test2', port: 8080, protocol: 'http', algorithm: 'least-connections', members: [{ ip: '10.1.0.10', port: 80 }], exVirtualIp: '10.0.0.69' });
    expect(balancer).toMatchObject({ id: '124', name: 'test2' });
    expect(lb.methods()).toEqual(['grid/loadbalancer/add', 'grid/loadbalancer/list', 'grid/loadbalancer/list']);
    expect(Object.fromEntries(ownParams(lb.sent[0]!.params))).toMatchObject({ 'loadbalancer.type': 'least connect', 'virtualip.ip': '10.0.0.69', 'virtualip.port': '8080' });
  });

  it('refuses bad input before any request, naming what is supported', async () => {
    const driver = lb.driver();
    const valid = { name: 'web', port: 80, protocol: 'http', members: [{ ip: '10.1.0.10', port: 80 }] };
    await expect(driver.createBalancer({ ...valid, port: 0 })).rejects.toThrow(/^options.port: must be a whole number from 1 to 65535, got 0$/);
    await expect(driver.createBalancer({ ...valid, port: 65_536 })).rejects.toThrow(/^options.port: /);
    await expect(driver.createBalancer({ ...valid, protocol: 'tcp' })).rejects.toThrow(/^options.protocol: GoGrid does not balance "tcp"; supported: http$/);
    await expect(driver.createBalancer({ ...valid, algorithm: 'random' })).rejects.toThrow(/^options.algorithm: .*supported: round-robin, least-connections$/);
    await expect(driver.createBalancer({ ...valid, members: [] })).rejects.toThrow(/^options.members: GoGrid needs at least one member/);
    await expect(driver.createBalancer({ ...valid, members: undefined })).rejects.toThrow(ValidationError);
    await expect(driver.createBalancer({ ...valid, members: [{ id: 'i-123' }] })).rejects.toThrow(/^options.members\[0\]: GoGrid balances addresses/);
    await expect(driver.createBalancer({ ...valid, members: [{ ip: '10.1.0.10', port: 0 }] })).rejects.toThrow(/^options.members\[0\].port: /);
    await expect(driver.createBalancer({ ...valid, name: '' })).rejects.toThrow(/^options.name: /);
    expect(lb.sent).toHaveLength(0);
  });
});

describe('gogrid members', () => {
  it('attaches by rewriting the whole real-IP list through grid/loadbalancer/edit', async () => {
    const member = await lb.driver().attachMember(balancer23530(), { ip: '10.0.0.75', port: 80 });
    expect(member).toMatchObject({ id: '10.0.0.75:80', ip: '10.0.0.75', port: 80, extra: { ipId: '1868108' } });
    expect(lb.methods()).toEqual(['grid/loadbalancer/get', 'grid/loadbalancer/edit']);
    expect(lb.sent[1]!.method).toBe('POST');
    expect(ownParams(lb.sent[1]!.params)).toEqual([
      ['id', '23530'],
      ['realiplist.0.ip', '10.0.0.76'], ['realiplist.0.port', '80'], ['realiplist.1.ip', '10.0.0.77'], ['realiplist.1.port', '80'],
      ['realiplist.2.ip', '10.0.0.78'], ['realiplist.2.port', '80'], ['realiplist.3.ip', '10.0.0.75'], ['realiplist.3.port', '80'],
    ]);
  });

  it('returns a member that is already there without editing', async () => {
    const member = await lb.driver().attachMember(balancer23530(), { ip: '10.0.0.77', port: 80 });
    expect(member).toMatchObject({ id: '10.0.0.77:80', extra: { ipId: '1868110' } });
    expect(lb.methods()).toEqual(['grid/loadbalancer/get']);
  });

  it('attaches a compute node by its public address on the balancer port', async () => {
    const node = { id: '1', provider: 'gogrid', publicIps: ['10.0.0.75'], privateIps: [] };
    const member = await lb.driver().attachComputeNode(balancer23530(), node);
    expect(member).toMatchObject({ ip: '10.0.0.75', port: 80 });
    expect(lb.sent[1]!.params.get('realiplist.3.ip')).toBe('10.0.0.75');
    await expect(lb.driver().attachComputeNode(balancer23530(), { ...node, publicIps: [] })).rejects.toThrow(/^node: has no IP address/);
    expect(lb.sent).toHaveLength(2);
  });

  it('detaches by rewriting the list without the member', async () => {
    const driver = lb.driver();
    const [, leaving] = await driver.listMembers(balancer23530());
    await driver.detachMember(balancer23530(), leaving!);
    expect(lb.methods()).toEqual(['grid/loadbalancer/get', 'grid/loadbalancer/get', 'grid/loadbalancer/edit']);
    expect(ownParams(lb.sent[2]!.params)).toEqual([
      ['id', '23530'], ['realiplist.0.ip', '10.0.0.76'], ['realiplist.0.port', '80'], ['realiplist.1.ip', '10.0.0.78'], ['realiplist.1.port', '80'],
    ]);
  });

  it('refuses to detach a stranger or the last member, without editing', async () => {
    const driver = lb.driver();
    const stranger = stampProvider({ id: '10.9.9.9:80', ip: '10.9.9.9', port: 80, extra: {} }, 'gogrid');
    await expect(driver.detachMember(balancer23530(), stranger)).rejects.toSatisfy((error) => NotFoundError.isInstance(error));
    const single = lbFixture('loadbalancer_get.json');
    single.list = single.list.map((item) => ({ ...item, realiplist: (item.realiplist as unknown[]).slice(0, 1) }));
    lb.answer({ 'grid/loadbalancer/get': { body: JSON.stringify(single) } });
    const [last] = await driver.listMembers(balancer23530());
    await expect(driver.detachMember(balancer23530(), last!)).rejects.toThrow(/^member: is the last member of load balancer 23530/);
    expect(lb.methods().filter((method) => method === 'grid/loadbalancer/edit')).toHaveLength(0);
  });
});

describe('gogrid updateBalancer and destroyBalancer', () => {
  it('returns the balancer for a no-op update and refuses changes GoGrid cannot make, before any request', async () => {
    const driver = lb.driver();
    await expect(driver.updateBalancer(balancer23530(), { name: 'renamed' })).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error));
    await expect(driver.updateBalancer(balancer23530(), { algorithm: 'least-connections', port: 81 })).rejects.toThrow(/not its port, algorithm/);
    await expect(driver.updateBalancer(balancer23530(), { port: 0 })).rejects.toThrow(ValidationError);
    expect(lb.sent).toHaveLength(0);
    const same = await driver.updateBalancer(balancer23530(), { name: 'test2', port: 80, protocol: 'http', algorithm: 'round-robin' });
    expect(same).toMatchObject({ id: '23530', name: 'test2' });
    expect(lb.methods()).toEqual(['grid/loadbalancer/get']);
  });

  it('destroys with a POST naming the balancer', async () => {
    await lb.driver().destroyBalancer(balancer23530());
    expect([lb.sent[0]!.method, lb.methods()[0], ownParams(lb.sent[0]!.params)]).toEqual(['POST', 'grid/loadbalancer/delete', [['id', '23530']]]);
  });
});

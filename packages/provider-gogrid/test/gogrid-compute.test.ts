import { createHash } from 'node:crypto';
import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describe, expect, it } from 'vitest';
import { GOGRID_NODE_STATES } from '../src/index.js';
import { computeFixture, useRecordedGoGridCompute } from './support/gogrid-test-compute.js';
import { MISSING_ID, TEST_CREDENTIALS, successBody } from './support/gogrid-route.js';

const gogrid = useRecordedGoGridCompute();

describeConformance('gogrid compute', computeConformanceChecks({
  provider: 'gogrid',
  createDriver: () => gogrid.driver(),
  // Libcloud's recorded server is named test1, so the round trip asks for that name.
  nodeName: 'test1',
  missingNodeId: MISSING_ID,
}));

/** The md5 signatures GoGrid accepts for requests sent between `from` and `to` (whole seconds). */
function signaturesBetween(from: number, to: number): string[] {
  const signatures: string[] = [];
  for (let second = Math.floor(from / 1000); second <= Math.floor(to / 1000); second++) {
    signatures.push(createHash('md5').update(`${TEST_CREDENTIALS.apiKey}${TEST_CREDENTIALS.sharedSecret}${second}`).digest('hex'));
  }
  return signatures;
}

describe('gogrid listNodes', () => {
  it('signs every request with api_key, v=1.8, format=json and an md5 sig, and merges generated passwords', async () => {
    const before = Date.now();
    const nodes = await gogrid.driver().listNodes();
    const after = Date.now();
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      id: '90967', name: 'test1', state: 'running', publicIps: ['192.168.0.202'], privateIps: [], provider: 'gogrid',
      size: { id: '512MB', ram: 512, disk: 30 }, image: { id: '1531', name: 'CentOS 5.3 (32-bit) w/ None' },
    });
    // The recordings keep the password redacted; the field and the user name come from support/password/list.
    expect(nodes[0]!.extra).toMatchObject({ description: 'test server', ram: '512MB', os: 'CentOS 5.3 (32-bit)', ipId: '1659927', username: 'root', password: expect.stringMatching(/\S/) });

    expect(gogrid.sent.map((request) => [request.method, request.url.split('?')[0]])).toEqual([
      ['GET', 'https://api.gogrid.com/api/grid/server/list'],
      ['GET', 'https://api.gogrid.com/api/support/password/list'],
    ]);
    for (const request of gogrid.sent) {
      expect([...request.params.keys()]).toEqual(['api_key', 'v', 'format', 'sig']);
      expect(request.params.get('api_key')).toBe(TEST_CREDENTIALS.apiKey);
      expect(request.params.get('v')).toBe('1.8');
      expect(request.params.get('format')).toBe('json');
      expect(request.params.get('sig')).toMatch(/^[0-9a-f]{32}$/);
      expect(signaturesBetween(before, after)).toContain(request.params.get('sig'));
      expect(request.url).not.toContain(TEST_CREDENTIALS.sharedSecret);
      expect(request.headers['user-agent']).toMatch(/^multicloud\/\S+ gogrid$/);
    }
  });

  it('still lists servers when the API key may not read passwords', async () => {
    gogrid.answer({ 'support/password/list': { status: 401, body: 'API Key has insufficient rights' } });
    const [node] = await gogrid.driver().listNodes();
    expect(node).toMatchObject({ id: '90967', name: 'test1' });
    expect(node!.extra).not.toHaveProperty('password');
    expect(gogrid.methods()).toEqual(['grid/server/list', 'support/password/list']);
  });

  it('maps every GoGrid server state through the table', async () => {
    const [server] = computeFixture('server_list.json').list;
    const names = [...Object.keys(GOGRID_NODE_STATES), 'Exploded'];
    const servers = names.map((name, index) => ({ ...server, id: 1000 + index, state: { id: index, name, object: 'option' } }));
    gogrid.answer({ 'grid/server/list': { body: successBody('grid/server/list', servers) } });
    const nodes = await gogrid.driver().listNodes();
    expect(Object.fromEntries(nodes.map((node) => [node.extra.state, node.state]))).toEqual({
      Starting: 'starting', On: 'running', 'On/Saving': 'running', Off: 'stopped', Restarting: 'rebooting', Saving: 'pending', Restoring: 'pending',
      Exploded: 'unknown',
    });
  });

  it('iterates the same single page', async () => {
    const ids: string[] = [];
    for await (const node of gogrid.driver().iterateNodes()) ids.push(node.id);
    expect(ids).toEqual(['90967']);
  });
});

describe('gogrid getNode and power', () => {
  it('gets one server by id with its password', async () => {
    const node = await gogrid.driver().getNode('90967');
    expect(node).toMatchObject({ id: '90967', name: 'test1', extra: { username: 'root' } });
    expect(gogrid.methods()).toEqual(['grid/server/get', 'support/password/list']);
    expect(gogrid.sent[0]!.params.get('id')).toBe('90967');
  });

  it('restarts, starts, stops and deletes with POSTs naming the server', async () => {
    const driver = gogrid.driver();
    const [node] = await driver.listNodes();
    await driver.rebootNode(node!);
    await driver.startNode(node!);
    await driver.stopNode(node!);
    await driver.destroyNode(node!);
    const calls = gogrid.sent.slice(2).map((request) => [request.method, new URL(request.url).pathname, request.params.get('id'), request.params.get('power')]);
    expect(calls).toEqual([
      ['POST', '/api/grid/server/power', '90967', 'restart'],
      ['POST', '/api/grid/server/power', '90967', 'start'],
      ['POST', '/api/grid/server/power', '90967', 'stop'],
      ['POST', '/api/grid/server/delete', '90967', null],
    ]);
  });
});

describe('gogrid images, sizes and locations', () => {
  it('lists images, optionally of one data center', async () => {
    const driver = gogrid.driver();
    const images = await driver.listImages();
    expect(images.map((image) => image.id)).toEqual(['1531', '1532', '1533', '1534']);
    expect(images[0]).toMatchObject({ name: 'CentOS 5.3 (32-bit) w/ None', extra: { name: 'centos5.3_32_base', os: 'CentOS 5.3 (32-bit)', isPublic: true, state: 'Available', owner: 'GoGrid' } });
    const [location] = await driver.listLocations();
    await driver.listImages({ location: location! });
    expect(gogrid.sent[0]!.params.has('datacenter')).toBe(false);
    expect(gogrid.sent[2]!.params.get('datacenter')).toBe('1');
  });

  it('lists data centers as locations and RAM options as sizes', async () => {
    const driver = gogrid.driver();
    const locations = await driver.listLocations();
    expect(locations.map((location) => [location.id, location.name, location.country])).toEqual([['1', 'US-West-1', 'US'], ['2', 'US-East-1', 'US']]);
    expect(gogrid.sent[0]!.params.get('lookup')).toBe('ip.datacenter');
    const sizes = await driver.listSizes();
    expect(sizes.map((size) => [size.id, size.ram, size.disk])).toEqual([
      ['512MB', 512, 30], ['1GB', 1024, 60], ['2GB', 2048, 120], ['4GB', 4096, 240], ['8GB', 8192, 480], ['16GB', 16384, 960], ['24GB', 24576, 960],
    ]);
    expect(gogrid.sent).toHaveLength(1);
  });
});

describe('gogrid ex methods', () => {
  it('lists IPs with type and state filters, saves images and edits servers', async () => {
    const driver = gogrid.driver();
    const ips = await driver.exListIps({ public: true, assigned: false });
    expect(ips.map((ip) => ip.ip)).toEqual(['192.168.75.66']);
    expect(Object.fromEntries(gogrid.sent[0]!.params)).toMatchObject({ 'ip.type': 'Public', 'ip.state': 'Unassigned' });
    const all = await driver.exListIps();
    expect(all.map((ip) => [ip.ip, ip.public, ip.state, ip.datacenterName])).toContainEqual(['192.168.75.68', false, 'Unassigned', 'US-West-1']);

    const [node] = await driver.listNodes();
    const image = await driver.exSaveImage(node!, 'testimage');
    expect(image).toMatchObject({ id: '5050', name: 'testimage', extra: { isPublic: false, state: 'Saving' } });
    const [, , , , save] = gogrid.sent;
    expect([save!.method, Object.fromEntries(save!.params)]).toMatchObject(['POST', { server: '90967', friendlyName: 'testimage' }]);

    const size = (await driver.listSizes()).find((candidate) => candidate.id === '1GB')!;
    const edited = await driver.exEditNode(node!, { size, description: 'bigger' });
    expect(edited).toMatchObject({ id: '90967', provider: 'gogrid' });
    expect(Object.fromEntries(gogrid.sent[5]!.params)).toMatchObject({ id: '90967', 'server.ram': '1GB', description: 'bigger' });
  });
});

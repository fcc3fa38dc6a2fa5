import { stampProvider } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describe, expect, it } from 'vitest';
import { BLUEBOX_NODE_STATES } from '../src/index.js';
import { BLOCK_ID, MISSING_BLOCK_ID, TEST_AUTHORIZATION, useRecordedBluebox } from './support/bluebox-test-driver.js';

const bluebox = useRecordedBluebox();
const API = 'https://boxpanel.bluebox.net';
const calls = () => bluebox.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`);

describeConformance('bluebox compute', computeConformanceChecks({
  provider: 'bluebox',
  createDriver: () => bluebox.driver(),
  nodeName: 'foo',
  createNodeExtras: { auth: { password: 'test123' } },
  // Blue Box answers with the block's full hostname (foo.apitest.blueboxgrid.com), not the name asked for.
  createdNodeHasRequestedName: false,
  missingNodeId: MISSING_BLOCK_ID,
}));

describe('bluebox nodes', () => {
  it('lists blocks with a Basic-authenticated GET of /api/blocks.json', async () => {
    const nodes = await bluebox.driver().listNodes();
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ id: BLOCK_ID, name: 'foo.apitest.blueboxgrid.com', state: 'running', publicIps: ['67.214.214.212'], privateIps: [], provider: 'bluebox' });
    expect(nodes[0]!.extra).toMatchObject({ cpu: 0.5, memory: 1073741824, storage: 21474836480, description: '1 GB RAM + 20 GB Disk' });
    const [request] = bluebox.sent;
    expect(request).toMatchObject({ method: 'GET', url: `${API}/api/blocks.json`, body: '' });
    expect(request!.headers.authorization).toBe(TEST_AUTHORIZATION);
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers['user-agent']).toMatch(/^multicloud\/\S+ bluebox$/);
  });

  it('gets one block with its product as size, and NodeDoesNotExistError for a missing one', async () => {
    const driver = bluebox.driver();
    const node = await driver.getNode(BLOCK_ID);
    expect(node).toMatchObject({ name: 'apitest.c44905.c44905.blueboxgrid.com', extra: { template: 'centos' } });
    expect(node.size).toMatchObject({ id: '94fd37a7-2606-47f7-84d5-9000deda52ae', ram: 1024, disk: 20, price: 0.15 });
    await expect(driver.getNode(MISSING_BLOCK_ID)).rejects.toMatchObject({ name: 'NodeDoesNotExistError', status: 404, message: 'bluebox: Block not found (HTTP 404)' });
    expect(calls()).toEqual([`GET /api/blocks/${BLOCK_ID}.json`, `GET /api/blocks/${MISSING_BLOCK_ID}.json`]);
  });

  it('maps 401 to InvalidCredentialsError', async () => {
    bluebox.answer({ 'GET /api/blocks.json': { status: 401, body: 'HTTP Basic: Access denied.\n' } });
    await expect(bluebox.driver().listNodes()).rejects.toMatchObject({ name: 'InvalidCredentialsError', status: 401, message: expect.stringContaining('Access denied') });
  });

  it('maps a 404 on reboot and destroy to NodeDoesNotExistError', async () => {
    bluebox.answer({ 'PUT /api/blocks/{id}/reboot.json': { status: 404, body: '{"error": "Block not found"}' }, 'DELETE /api/blocks/{id}.json': { status: 404, body: '' } });
    const driver = bluebox.driver();
    const gone = stampProvider({ id: MISSING_BLOCK_ID, name: 'gone', state: 'running' as const, publicIps: [], privateIps: [], provider: 'bluebox', extra: {} }, 'bluebox');
    await expect(driver.rebootNode(gone)).rejects.toMatchObject({ name: 'NodeDoesNotExistError' });
    await expect(driver.destroyNode(gone)).rejects.toMatchObject({ name: 'NodeDoesNotExistError' });
  });

  it('maps bodies of the wrong shape to MalformedResponseError', async () => {
    bluebox.answer({ 'GET /api/blocks.json': { body: '{"ips": []}' } });
    await expect(bluebox.driver().listNodes()).rejects.toMatchObject({ name: 'MalformedResponseError' });
  });

  it.each([
    ['queued', 'pending'], ['building', 'pending'], ['running', 'running'], ['error', 'error'], ['unknown', 'unknown'], ['melting', 'unknown'],
  ])('maps block status %s to %s', async (status, state) => {
    bluebox.answer({ 'GET /api/blocks.json': { body: JSON.stringify([{ id: 'b1', hostname: 'h', status, ips: [] }]) } });
    expect((await bluebox.driver().listNodes())[0]!.state).toBe(state);
  });

  it('has a state for every status in the fixtures', () => {
    expect(Object.keys(BLUEBOX_NODE_STATES)).toEqual(['queued', 'building', 'running', 'error', 'unknown']);
    expect(BLUEBOX_NODE_STATES).toMatchObject({ running: 'running', queued: 'pending' });
  });

  it('reboots with PUT and destroys with DELETE', async () => {
    const driver = bluebox.driver();
    const [node] = await driver.listNodes();
    await driver.rebootNode(node!);
    await driver.destroyNode(node!);
    expect(calls()).toEqual(['GET /api/blocks.json', `PUT /api/blocks/${BLOCK_ID}/reboot.json`, `DELETE /api/blocks/${BLOCK_ID}.json`]);
    expect(bluebox.sent[1]!.body).toBe('');
  });
});

describe('bluebox createNode', () => {
  it('posts a form with hostname, product, template and password', async () => {
    const driver = bluebox.driver();
    const [size] = await driver.listSizes();
    const [image] = await driver.listImages();
    const node = await driver.createNode({ name: 'foo', size: size!, image: image!, auth: { password: 'test123' }, exUsername: 'admin' });
    expect(node).toMatchObject({ id: BLOCK_ID, name: 'foo.apitest.blueboxgrid.com', state: 'pending', size: { id: '94fd37a7-2606-47f7-84d5-9000deda52ae' } });
    const post = bluebox.sent[2]!;
    expect(post).toMatchObject({ method: 'POST', url: `${API}/api/blocks.json` });
    expect(post.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(post.body).toBe('hostname=foo&product=94fd37a7-2606-47f7-84d5-9000deda52ae&template=c66b8145-f768-45ef-9878-395bf8b1b7ff&password=test123&username=admin');
  });

  it('posts an SSH key form-encoded instead of a password', async () => {
    const driver = bluebox.driver();
    const size = stampProvider({ id: 'b412f354-5056-4bf0-a42f-6ddd998aa092', name: '2GB', ram: 2048, disk: 25, extra: {} }, 'bluebox');
    const image = stampProvider({ id: '03807e08-a13d-44e4-b011-ebec7ef2c928', name: 'Ubuntu', extra: {} }, 'bluebox');
    await driver.createNode({ name: 'web 1', size, image, auth: { sshKey: 'ssh-rsa AAAA+b/c= me@example\n' } });
    expect(bluebox.sent[0]!.body).toBe('hostname=web+1&product=b412f354-5056-4bf0-a42f-6ddd998aa092&template=03807e08-a13d-44e4-b011-ebec7ef2c928&ssh_public_key=ssh-rsa+AAAA%2Bb%2Fc%3D+me%40example');
    expect(Object.fromEntries(bluebox.sent[0]!.params)).toEqual({
      hostname: 'web 1', product: 'b412f354-5056-4bf0-a42f-6ddd998aa092', template: '03807e08-a13d-44e4-b011-ebec7ef2c928', ssh_public_key: 'ssh-rsa AAAA+b/c= me@example',
    });
  });

  it('requires auth, and refuses a blank password or another location, before any request', async () => {
    const driver = bluebox.driver();
    const size = stampProvider({ id: 's', name: 's', ram: 1, disk: 1, extra: {} }, 'bluebox');
    const image = stampProvider({ id: 'i', name: 'i', extra: {} }, 'bluebox');
    const elsewhere = stampProvider({ id: 'ams', name: 'Amsterdam', country: 'NL', extra: {} }, 'bluebox');
    await expect(driver.createNode({ name: 'x', size, image })).rejects.toMatchObject({ name: 'ValidationError', argument: 'options.auth' });
    await expect(driver.createNode({ name: 'x', size, image, auth: { password: '' } })).rejects.toMatchObject({ name: 'ValidationError', argument: 'options.auth.password' });
    await expect(driver.createNode({ name: 'x', size, image, auth: { password: 'p' }, location: elsewhere })).rejects.toMatchObject({ name: 'ValidationError', argument: 'options.location' });
    expect(bluebox.sent).toHaveLength(0);
  });
});

describe('bluebox resources', () => {
  it('lists products as sizes, templates as images, and one location', async () => {
    const driver = bluebox.driver();
    const sizes = await driver.listSizes();
    expect(sizes.map((size) => [size.id, size.name, size.ram, size.disk, size.price])).toEqual([
      ['94fd37a7-2606-47f7-84d5-9000deda52ae', 'Block 1GB Virtual Server', 1024, 20, 0.15],
      ['b412f354-5056-4bf0-a42f-6ddd998aa092', 'Block 2GB Virtual Server', 2048, 25, 0.25],
      ['0cd183d3-0287-4b1a-8288-b3ea8302ed58', 'Block 4GB Virtual Server', 4096, 50, 0.35],
      ['b9b87a5b-2885-4a2e-b434-44a163ca6251', 'Block 8GB Virtual Server', 8192, 100, 0.45],
    ]);
    const images = await driver.listImages();
    expect(images).toHaveLength(10);
    expect(images[0]).toMatchObject({ id: 'c66b8145-f768-45ef-9878-395bf8b1b7ff', name: 'CentOS 5 (Latest Release)', extra: { public: true, createdAt: '2009-04-20T22:46:34.000Z' } });
    expect(await driver.listLocations()).toEqual([{ id: 'seattle', name: 'Blue Box Seattle US', country: 'US', extra: {} }]);
    expect(calls()).toEqual(['GET /api/block_products.json', 'GET /api/block_templates.json']);
  });

  it('reads the RAM of a product it does not know from its description', async () => {
    bluebox.answer({ 'GET /api/block_products.json': { body: '[{"cost": 0.9, "id": "new-16", "description": "Block 16GB Virtual Server"}]' } });
    expect(await bluebox.driver().listSizes()).toMatchObject([{ id: 'new-16', ram: 16384, disk: 0, price: 0.9 }]);
  });

  it('reports start/stop, volumes and key pairs as unsupported without a request', async () => {
    const driver = bluebox.driver();
    expect(driver.features).toEqual({ volumes: false, keyPairs: false, startStop: false, createNodeAuth: ['sshKey', 'password'] });
    const node = stampProvider({ id: BLOCK_ID, name: 'n', state: 'running' as const, publicIps: [], privateIps: [], provider: 'bluebox', extra: {} }, 'bluebox');
    await expect(driver.startNode(node)).rejects.toMatchObject({ name: 'UnsupportedOperationError', operation: 'startNode' });
    await expect(driver.stopNode(node)).rejects.toMatchObject({ name: 'UnsupportedOperationError', operation: 'stopNode' });
    await expect(driver.createVolume({ name: 'v', size: 1 })).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
    await expect(driver.createKeyPair('k')).rejects.toMatchObject({ name: 'UnsupportedOperationError' });
    expect(bluebox.sent).toHaveLength(0);
  });
});

import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describe, expect, it } from 'vitest';
import { MISSING_SERVER_ID, TEST_CREDENTIALS, computeFixture, useRecordedRackspaceCompute } from './support/rackspace-compute-test-driver.js';

const compute = useRecordedRackspaceCompute();
const SERVERS = 'https://dfw.servers.api.rackspacecloud.com/v2/1337';

describeConformance('rackspace compute', computeConformanceChecks({
  provider: 'rackspace',
  createDriver: () => compute.driver(),
  missingNodeId: MISSING_SERVER_ID,
  chooseSize: (sizes) => sizes.find((size) => size.id === '2') ?? sizes[0]!,
}));

describe('rackspace listNodes', () => {
  it('exchanges the API key at Keystone v2.0, then lists /v2/<tenant>/servers/detail with the token', async () => {
    const nodes = await compute.driver().listNodes();
    expect(nodes.map((node) => [node.id, node.name, node.state])).toEqual([['12065', 'lc-test-2', 'pending'], ['12064', 'lc-test', 'running']]);
    const building = nodes[0]!;
    expect(building.publicIps).toEqual(['50.57.94.35', '2001:4801:7808:52:16:3eff:fe47:788a', '192.168.3.3', '2.2.2.2', '172.16.1.1']);
    expect(building.privateIps).toEqual(['10.182.64.34', 'fec0:4801:7808:52:16:3eff:fe60:187d', '12.16.18.28', '10.3.3.3', '1.1.1.1']);
    expect(building).toMatchObject({ provider: 'rackspace', size: { id: '2' }, image: { id: '7' }, location: { id: 'dfw', country: 'US' } });
    expect(building.extra).toMatchObject({ status: 'BUILD', progress: 25, taskState: 'spawning', vmState: 'active', diskConfig: 'AUTO', tenantId: 'rs-reach-project' });
    expect(building.createdAt?.toISOString()).toBe('2011-10-11T00:51:39.000Z');

    const [tokens, list] = compute.sent;
    expect(tokens).toMatchObject({ method: 'POST', url: 'https://identity.api.rackspacecloud.com/v2.0/tokens' });
    expect(JSON.parse(tokens!.body)).toEqual({ auth: { 'RAX-KSKEY:apiKeyCredentials': { username: TEST_CREDENTIALS.username, apiKey: TEST_CREDENTIALS.apiKey } } });
    expect(tokens!.headers['x-auth-token']).toBeUndefined();
    expect(list).toMatchObject({ method: 'GET', url: `${SERVERS}/servers/detail?limit=1000` });
    expect(list!.headers['x-auth-token']).toMatch(/\S/);
    expect(list!.headers['x-auth-token']).not.toBe(TEST_CREDENTIALS.apiKey);
    expect(list!.headers.accept).toBe('application/json');
    expect(list!.headers['user-agent']).toMatch(/^multicloud\/\S+ rackspace$/);
    expect(compute.sent).toHaveLength(2);
  });

  it('follows the servers_links next marker lazily and reuses the token', async () => {
    const detail = JSON.parse(computeFixture('openstack_v1.1/_servers_detail.json')) as Record<string, unknown>;
    const firstPage = JSON.stringify({ ...detail, servers_links: [{ rel: 'next', href: `${SERVERS}/servers/detail?limit=1000&marker=12064` }] });
    compute.answer({ serversDetail: (request) => (request.params.get('marker') ? { file: 'openstack_v1.1/_servers_detail_ERROR_STATE.json' } : { body: firstPage }) });
    const driver = compute.driver();
    const nodes = await driver.listNodes();
    expect(nodes.map((node) => [node.id, node.state])).toEqual([['12065', 'pending'], ['12064', 'running'], ['2d05bd68-3fbb-4b47-9f38-c690a5d93e45', 'error']]);
    expect(compute.sent.map((request) => [request.method, request.url])).toEqual([
      ['POST', 'https://identity.api.rackspacecloud.com/v2.0/tokens'],
      ['GET', `${SERVERS}/servers/detail?limit=1000`],
      ['GET', `${SERVERS}/servers/detail?limit=1000&marker=12064`],
    ]);
    for await (const node of driver.iterateNodes()) {
      expect(node.id).toBe('12065');
      break;
    }
    expect(compute.sent).toHaveLength(4);
  });

  it('gets one server', async () => {
    const node = await compute.driver().getNode('12064');
    expect(node).toMatchObject({ id: '12064', name: 'lc-test', state: 'running', publicIps: ['50.57.94.30', '2001:4801:7808:52:16:3eff:fe77:32e3'] });
    expect(compute.sent[1]).toMatchObject({ method: 'GET', url: `${SERVERS}/servers/12064` });
  });
});

describe('rackspace createNode and actions', () => {
  it('posts the server with admin password, metadata, disk config, networks and user data', async () => {
    const driver = compute.driver();
    const [size] = await driver.listSizes();
    const [image] = await driver.listImages();
    const node = await driver.createNode({
      name: 'web-1', size: size!, image: image!, auth: { password: 'S3cret-pass' },
      exMetadata: { role: 'web' }, exDiskConfig: 'MANUAL', exNetworks: ['00000000-0000-0000-0000-000000000000'], exUserData: '#!/bin/sh\necho hi', exConfigDrive: true,
    });
    expect(node).toMatchObject({ id: '26f7fbee-8ce1-4c28-887a-bfe8e4bb10fe', name: 'web-1', state: 'pending', size: { id: '7' }, image: { id: '13' }, extra: { adminPass: expect.stringMatching(/^(racktestvJq7d3|\[REDACTED\])$/), metadata: { role: 'web' } } });
    // The recording keeps no server password: replays see the scrubber's marker, live runs the real one.
    const create = compute.sent.find((request) => request.method === 'POST' && request.url === `${SERVERS}/servers`)!;
    expect(create.headers['content-type']).toBe('application/json');
    expect(JSON.parse(create.body)).toEqual({
      server: {
        name: 'web-1', imageRef: '13', flavorRef: '7', adminPass: 'S3cret-pass', metadata: { role: 'web' }, 'OS-DCF:diskConfig': 'MANUAL',
        networks: [{ uuid: '00000000-0000-0000-0000-000000000000' }], user_data: Buffer.from('#!/bin/sh\necho hi').toString('base64'), config_drive: true,
      },
    });
  });

  it('imports an SSH key given as auth once, under a name derived from it', async () => {
    compute.answer({ keyPairGet: { status: 404, file: 'openstack_v1.1/_os_keypairs_not_found.json' } });
    const driver = compute.driver();
    const [size] = await driver.listSizes();
    await driver.createNode({ name: 'web-2', size: size!, image: { id: '7', name: 'lucid', extra: {} }, auth: { sshKey: 'ssh-ed25519 AAAAC3Nza test@example' } });
    const [, , lookup, importKey, create] = compute.sent;
    expect(lookup).toMatchObject({ method: 'GET', url: expect.stringMatching(new RegExp(`^${SERVERS}/os-keypairs/multicloud-[0-9a-f]{16}$`)) });
    expect(importKey).toMatchObject({ method: 'POST', url: `${SERVERS}/os-keypairs` });
    const imported = JSON.parse(importKey!.body) as { keypair: { name: string; public_key: string } };
    expect(imported.keypair.public_key).toBe('ssh-ed25519 AAAAC3Nza test@example');
    expect(JSON.parse(create!.body)).toEqual({ server: { name: 'web-2', imageRef: '7', flavorRef: '7', key_name: imported.keypair.name } });
  });

  it('reboots soft and hard, changes the password and deletes', async () => {
    const driver = compute.driver();
    const node = await driver.getNode('12064');
    await driver.rebootNode(node);
    await driver.exRebootHard(node);
    await driver.exChangePassword(node, 'N3w-pass');
    await driver.destroyNode(node);
    const writes = compute.sent.slice(2);
    expect(writes.map((request) => [request.method, request.url, request.body && JSON.parse(request.body)])).toEqual([
      ['POST', `${SERVERS}/servers/12064/action`, { reboot: { type: 'SOFT' } }],
      ['POST', `${SERVERS}/servers/12064/action`, { reboot: { type: 'HARD' } }],
      ['POST', `${SERVERS}/servers/12064/action`, { changePassword: { adminPass: 'N3w-pass' } }],
      ['DELETE', `${SERVERS}/servers/12064`, ''],
    ]);
  });

  it('has no start/stop: Rackspace cannot power servers off', async () => {
    const driver = compute.driver();
    expect(driver.features).toMatchObject({ startStop: false, volumes: true, keyPairs: true, createNodeAuth: ['sshKey', 'password'] });
    const node = await driver.getNode('12064');
    await expect(driver.startNode(node)).rejects.toThrow(/^rackspace does not support startNode/);
    await expect(driver.stopNode(node)).rejects.toThrow(/^rackspace does not support stopNode/);
  });
});

describe('rackspace sizes, images and locations', () => {
  it('lists flavors as sizes, images and the region as the location', async () => {
    const driver = compute.driver();
    const sizes = await driver.listSizes();
    expect(sizes.find((size) => size.id === '1')).toMatchObject({ name: '256 slice', ram: 256, disk: 10, extra: { vcpus: 1, ephemeralDisk: 40, extraSpecs: { class: 'standard1' } } });
    const images = await driver.listImages();
    expect(images.map((image) => image.id)).toEqual(['13', '12', '11', '10', '9', '8', '7', '6', '5', '4', '3', '2', '1']);
    expect(images[0]).toMatchObject({ name: 'Windows 2008 SP2 x86 (B24)', extra: { status: 'ACTIVE', serverId: '52415800-8b69-11e0-9b19-734f335aa7b3', metadata: { os_type: 'windows' } } });
    expect(await driver.listLocations()).toEqual([{ id: 'dfw', name: 'Dallas/Fort Worth (DFW)', country: 'US', extra: {} }]);
    expect(compute.sent.slice(1).map((request) => request.url)).toEqual([`${SERVERS}/flavors/detail?limit=1000`, `${SERVERS}/images/detail?limit=1000`]);
  });
});

import { readFileSync } from 'node:fs';
import { stampProvider } from '@multicloud/core';
import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { libcloudFixtures } from '@multicloud/fixture-server';
import { describe, expect, it } from 'vitest';
import { CLOUDSIGMA_V1_NODE_STATES, parseCloudSigmaText } from '../src/index.js';
import { MISSING_V1_SERVER_ID, V1_FIXTURES } from './support/cloudsigma-v1-route.js';
import { TEST_AUTHORIZATION, useRecordedCloudSigmaV1 } from './support/cloudsigma-test-driver.js';

const cloudsigma = useRecordedCloudSigmaV1();
const API = 'https://api.zrh.cloudsigma.com';
const SERVER = '62fe7cde-4fb9-4c63-bd8c-e757930066a0';
const fixture = (file: string) => readFileSync(`${libcloudFixtures(V1_FIXTURES)}${file}`, 'utf8');
const calls = () => cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`);

describeConformance('cloudsigma 1.0 compute', computeConformanceChecks({
  provider: 'cloudsigma',
  createDriver: () => cloudsigma.driver(),
  nodeName: 'cloudsigma node',
  missingNodeId: MISSING_V1_SERVER_ID,
}));

describe('cloudsigma 1.0 nodes', () => {
  it('parses /servers/info and sends a Basic-authenticated plain-text GET', async () => {
    const nodes = await cloudsigma.driver().listNodes();
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ id: SERVER, name: 'cloudsigma node', state: 'running', publicIps: ['1.2.3.4', '1.2.3.5'], privateIps: [] });
    // The recording scrubber redacted Libcloud's `vnc:password testpass` line; the driver reads whatever it holds.
    expect(nodes[0]!.extra).toMatchObject({
      cpu: 1100, mem: 640, smp: 1, vncIp: '178.22.66.28', vncPassword: '[REDACTED]', boot: 'ide:0:0', persistent: true,
      drives: [{ slot: 'ide:0:0', drive: 'f0202f1c-0b4f-4cfc-8ae3-e30951d09ef0', media: 'disk' }],
    });
    const [request] = cloudsigma.sent;
    expect(request).toMatchObject({ method: 'GET', url: `${API}/servers/info`, body: '' });
    expect(request!.headers.authorization).toBe(TEST_AUTHORIZATION);
    expect(request!.headers.accept).toBe('text/plain');
  });

  it('gets one server, and NodeDoesNotExistError with the message for a missing one', async () => {
    const driver = cloudsigma.driver();
    expect(await driver.getNode(SERVER)).toMatchObject({ id: SERVER, state: 'running' });
    await expect(driver.getNode(MISSING_V1_SERVER_ID)).rejects.toMatchObject({
      name: 'NodeDoesNotExistError', status: 404, message: `cloudsigma: Server ${MISSING_V1_SERVER_ID} not found (HTTP 404)`,
    });
    expect(calls()).toEqual([`GET /servers/${SERVER}/info`, `GET /servers/${MISSING_V1_SERVER_ID}/info`]);
  });

  it('maps 401 to InvalidCredentialsError', async () => {
    cloudsigma.answer({ 'GET /servers/info': { status: 401, body: 'errors Authentication failed\n' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'InvalidCredentialsError', status: 401 });
  });

  it('maps a server without a uuid to MalformedResponseError', async () => {
    cloudsigma.answer({ 'GET /servers/info': { body: 'name orphan\nstatus active\n' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'MalformedResponseError' });
  });

  it('rejects a body that is not the key/value format with MalformedResponseError', async () => {
    cloudsigma.answer({ 'GET /servers/info': { body: 'server abc\n  indented line\n' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'MalformedResponseError', status: 200 });
  });

  it.each(Object.entries({ active: 'running', stopped: 'stopped', paused: 'paused', dead: 'terminated', dumped: 'terminated', hibernating: 'unknown' }))(
    'maps status %s to %s',
    async (status, state) => {
      cloudsigma.answer({ 'GET /servers/info': { body: fixture('servers_info.txt').replace('status active', `status ${status}`) } });
      expect((await cloudsigma.driver().listNodes())[0]!.state).toBe(state);
    },
  );

  it('has a state for every status in the fixtures and the documented ones', () => {
    const fixtureStatuses = ['servers_info.txt', 'servers_create.txt', 'servers_set.txt'].flatMap((file) => parseCloudSigmaText(fixture(file)).map((server) => server.status!));
    expect(fixtureStatuses.every((status) => Object.hasOwn(CLOUDSIGMA_V1_NODE_STATES, status))).toBe(true);
    expect(Object.keys(CLOUDSIGMA_V1_NODE_STATES)).toEqual(['active', 'stopped', 'paused', 'dead', 'dumped']);
  });

  it('reboots by stopping, waiting until stopped, and starting', async () => {
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    await driver.rebootNode(node!);
    expect(calls().slice(1)).toEqual([
      `GET /servers/${SERVER}/info`, `POST /servers/${SERVER}/stop`, `GET /servers/${SERVER}/info`, `POST /servers/${SERVER}/start`,
    ]);
  });

  it('destroys a running server after stopping it, then its disk drives', async () => {
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    await driver.destroyNode(node!);
    expect(calls().slice(1)).toEqual([
      `GET /servers/${SERVER}/info`, `POST /servers/${SERVER}/stop`, `GET /servers/${SERVER}/info`, `POST /servers/${SERVER}/destroy`,
      'POST /drives/f0202f1c-0b4f-4cfc-8ae3-e30951d09ef0/destroy',
    ]);
    await driver.exDestroyNode(node!, { keepDrives: true });
    expect(calls().slice(6)).toEqual([`GET /servers/${SERVER}/info`, `POST /servers/${SERVER}/destroy`]);
  });
});

describe('cloudsigma 1.0 createNode', () => {
  it('clones the drive, waits for imaging, creates the server in the text format, and starts it', async () => {
    const driver = cloudsigma.driver();
    const size = (await driver.listSizes())[0]!;
    const image = stampProvider({ id: 'd18119ce_7afa_474a_9242_e0384b160220', name: 'CentOS', extra: {} }, 'cloudsigma');
    const node = await driver.createNode({ name: 'cloudsigma node', size, image, exVncPassword: 'vnc pass 1', exRam: 1024, exNicModel: 'virtio' });
    expect(node).toMatchObject({ id: SERVER, name: 'cloudsigma node', state: 'running' });
    expect(calls()).toEqual([
      'POST /drives/d18119ce_7afa_474a_9242_e0384b160220/clone', 'GET /drives/a814def5-1789-49a0-bf88-7abe7bb1682a/info',
      'POST /servers/create', `POST /servers/${SERVER}/start`,
    ]);
    expect(cloudsigma.sent[0]!.body).toBe('name cloudsigma node\nsize 13G\ndriveType hdd\n');
    expect(cloudsigma.sent[0]!.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(cloudsigma.sent[2]!.body).toBe([
      'name cloudsigma node', 'cpu 1100', 'mem 1024', 'smp auto', 'ide:0:0 a814def5-1789-49a0-bf88-7abe7bb1682a', 'boot ide:0:0',
      'nic:0:model virtio', 'nic:0:dhcp auto', 'vnc:ip auto', 'vnc:password vnc pass 1', '',
    ].join('\n'));
  });

  it('destroys the cloned drive when CloudSigma answers without a server', async () => {
    cloudsigma.answer({ 'POST /servers/create': { body: 'errors insufficient funds\n' } });
    const driver = cloudsigma.driver();
    const image = stampProvider({ id: 'd18119ce_7afa_474a_9242_e0384b160220', name: 'CentOS', extra: {} }, 'cloudsigma');
    await expect(driver.createNode({ name: 'poor', size: (await driver.listSizes())[0]!, image })).rejects.toMatchObject({ name: 'ProviderError' });
    expect(calls().at(-1)).toBe('POST /drives/a814def5-1789-49a0-bf88-7abe7bb1682a/destroy');
  });

  it('refuses auth, a foreign location and bad ex options before any request', async () => {
    const driver = cloudsigma.driver();
    const size = (await driver.listSizes())[0]!;
    const image = stampProvider({ id: 'd1', name: 'x', extra: {} }, 'cloudsigma');
    const lvs = stampProvider({ id: 'lvs', name: 'Las Vegas', country: 'US', extra: {} }, 'cloudsigma');
    for (const [extra, argument] of [
      [{ auth: { sshKey: 'ssh-rsa AAAA' } }, 'options.auth'], [{ location: lvs }, 'options.location'],
      [{ exNicModel: 'ne2k' }, 'options.exNicModel'], [{ exDriveType: 'tape' }, 'options.exDriveType'], [{ exSmp: 0 }, 'options.exSmp'],
    ] as const) {
      await expect(driver.createNode({ name: 'x', size, image, ...(extra as object) })).rejects.toMatchObject({ name: 'ValidationError', argument });
    }
    expect(cloudsigma.sent).toHaveLength(0);
  });
});

describe('cloudsigma 1.0 resources', () => {
  it('lists standard disk drives as images, presets as sizes, the region as location', async () => {
    const driver = cloudsigma.driver({ region: 'lvs' });
    const images = await driver.listImages();
    expect(images).toHaveLength(10);
    expect(images.every((image) => image.id && image.name)).toBe(true);
    expect(cloudsigma.sent[0]!.url).toBe('https://api.lvs.cloudsigma.com/drives/standard/info');
    expect(await driver.listLocations()).toEqual([{ id: 'lvs', name: 'Las Vegas, NV', country: 'US', extra: {} }]);
    expect(await driver.listSizes()).toHaveLength(9);
  });

  it('offers drives, static IPs and server settings as ex methods', async () => {
    const driver = cloudsigma.driver();
    expect((await driver.exListDrives()).map((drive) => drive.drive)).toEqual(['3d18db4b-f9bd-4313-b034-12ae181efa88', '3d18db4b-f9bd-4313-b034-12ae181efa99']);
    expect(await driver.exListStaticIps()).toEqual(['1.2.3.4', '1.2.3.5', '1.2.3.6']);
    expect((await driver.exCreateStaticIp()).map((ip) => ip.resource)).toEqual(['1.2.3.4', '1.2.3.5']);
    await driver.exDestroyStaticIp('1.2.3.4');
    await driver.exDestroyDrive('d18119ce_7afa_474a_9242_e0384b160220');
    const [node] = await driver.listNodes();
    expect((await driver.exSetServerConfiguration(node!, { smp: '2' })).extra.smp).toBe(2);
    expect(calls()).toEqual([
      'GET /drives/info', 'GET /resources/ip/list', 'GET /resources/ip/create', 'GET /resources/ip/1.2.3.4/destroy',
      'POST /drives/d18119ce_7afa_474a_9242_e0384b160220/destroy', 'GET /servers/info', `POST /servers/${SERVER}/set`,
    ]);
    expect(cloudsigma.sent.at(-1)!.body).toBe('smp 2\n');
  });

  it('reports volumes and key pairs as unsupported', async () => {
    const driver = cloudsigma.driver();
    expect(driver.features).toEqual({ volumes: false, keyPairs: false, startStop: true, createNodeAuth: [] });
    await expect(driver.createVolume({ name: 'x', size: 1 })).rejects.toMatchObject({ name: 'UnsupportedOperationError', operation: 'createVolume' });
    await expect(driver.importKeyPair('k', 'ssh-rsa AAAA')).rejects.toMatchObject({ name: 'UnsupportedOperationError', operation: 'importKeyPair' });
    expect(cloudsigma.sent).toHaveLength(0);
  });
});

import { readFileSync } from 'node:fs';
import { libcloudFixtures } from '@multicloud/fixture-server';
import { describe, expect, it } from 'vitest';
import { CLOUDSIGMA_V2_NODE_STATES } from '../src/index.js';
import { V2_FIXTURES, serverGetFixture } from './support/cloudsigma-v2-route.js';
import { useRecordedCloudSigmaV2 } from './support/cloudsigma-test-driver.js';

const cloudsigma = useRecordedCloudSigmaV2();
const API = 'https://zrh.cloudsigma.com/api/2.0';
const fixture = (file: string) => readFileSync(`${libcloudFixtures(V2_FIXTURES)}${file}`, 'utf8');

describe('cloudsigma 2.0 images, sizes and locations', () => {
  it('lists pre-installed library drives as images, all library drives on request', async () => {
    const driver = cloudsigma.driver();
    const images = await driver.listImages();
    expect(images.map((image) => image.name)).toEqual(['ubuntu-10.04-toMP', 'CentOS 6.4 Server', 'Debian 6.0.7 Desktop', 'CentOS 6.3 for SlipStream']);
    expect(images[0]).toMatchObject({ id: '5236b9ee-f735-42fd-a236-17558f9e12d3', extra: { imageType: 'preinst', media: 'disk', os: 'linux', arch: '64' } });
    expect(cloudsigma.sent[0]!.url).toBe(`${API}/libdrives/?limit=0`);
    const all = await driver.listImages({ exIncludeInstallCds: true });
    expect(all).toHaveLength(20);
    expect(all[0]).toMatchObject({ name: 'IPCop 2.0.2', extra: { media: 'cdrom', imageType: 'install', size: 1073741824 } });
  });

  it('lists the size presets and the region as the only location', async () => {
    const driver = cloudsigma.driver({ region: 'fra' });
    const sizes = await driver.listSizes();
    expect(sizes).toHaveLength(9);
    expect(sizes[0]).toMatchObject({ id: 'micro-regular', ram: 640, disk: 13, extra: { cpu: 1100 } });
    expect(await driver.listLocations()).toEqual([{ id: 'fra', name: 'Frankfurt', country: 'DE', extra: {} }]);
    expect(cloudsigma.sent).toHaveLength(0);
  });
});

describe('cloudsigma 2.0 node states', () => {
  it.each([
    ['servers_detail_mixed_state.json', ['running', 'stopped']],
    ['servers_detail_all_stopped.json', ['stopped', 'stopped']],
  ])('maps every server status in %s', async (file, states) => {
    cloudsigma.answer({ 'GET /servers/detail/': { file } });
    expect((await cloudsigma.driver().listNodes()).map((node) => node.state)).toEqual(states);
  });

  it.each([
    ['servers_create.json (status started)', 'servers_create.json', 'running'],
    ['servers_clone.json (status cloning)', 'servers_clone.json', 'pending'],
    ['servers_get.json (status running)', 'servers_get.json', 'running'],
  ])('maps %s', async (_, file, state) => {
    const object = (file === 'servers_get.json' ? serverGetFixture() : JSON.parse(fixture(file))) as { objects?: unknown[] };
    cloudsigma.answer({ 'GET /servers/{id}/': { body: JSON.stringify(object.objects?.[0] ?? object) } });
    expect((await cloudsigma.driver().getNode('any-server')).state).toBe(state);
  });

  it('has a state for every documented status and unknown for anything else', async () => {
    expect(CLOUDSIGMA_V2_NODE_STATES).toEqual({
      running: 'running', started: 'running', running_legacy: 'running', starting: 'starting', stopping: 'stopping',
      stopped: 'stopped', paused: 'paused', unavailable: 'error', cloning: 'pending',
    });
    cloudsigma.answer({ 'GET /servers/{id}/': { body: '{"uuid": "s1", "name": "x", "status": "hibernating", "nics": []}' } });
    expect((await cloudsigma.driver().getNode('s1')).state).toBe('unknown');
  });
});

describe('cloudsigma 2.0 volumes', () => {
  it('lists, creates, attaches, detaches and destroys drives', async () => {
    const driver = cloudsigma.driver();
    const volumes = await driver.listVolumes();
    expect(volumes.map((volume) => [volume.id, volume.size, volume.state])).toContainEqual(['3e166706-188c-4f38-b8d5-7fc10a5019a1', 13, 'mounted']);
    expect(volumes.find((volume) => volume.state === 'mounted')!.extra.mountedOn).toEqual(['e06cf7b3-ea46-4d38-87e0-3f918c4648d3']);
    const created = await driver.createVolume({ name: 'test drive 5', size: 2 });
    expect(created).toMatchObject({ id: 'b02311e2-a83c-4c12-af10-b30d51c86913', name: 'test drive 5', state: 'creating' });
    const node = await driver.getNode('3df825cb-9c1b-470d-acbd-03e1a966c046');
    await driver.attachVolume(node, created);
    await driver.detachVolume(volumes.find((volume) => volume.state === 'mounted')!);
    await driver.destroyVolume(created);

    expect(cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      'GET /drives/detail/?limit=0', 'POST /drives/', 'GET /servers/3df825cb-9c1b-470d-acbd-03e1a966c046/',
      'GET /servers/3df825cb-9c1b-470d-acbd-03e1a966c046/', 'PUT /servers/3df825cb-9c1b-470d-acbd-03e1a966c046/',
      'GET /drives/3e166706-188c-4f38-b8d5-7fc10a5019a1/', 'GET /servers/e06cf7b3-ea46-4d38-87e0-3f918c4648d3/',
      'PUT /servers/e06cf7b3-ea46-4d38-87e0-3f918c4648d3/', 'DELETE /drives/b02311e2-a83c-4c12-af10-b30d51c86913/',
    ]);
    expect(JSON.parse(cloudsigma.sent[1]!.body)).toEqual({ name: 'test drive 5', size: 2 * 1024 ** 3, media: 'disk' });
    const attach = JSON.parse(cloudsigma.sent[4]!.body) as Record<string, unknown>;
    expect(attach.drives).toEqual([
      { boot_order: 1, dev_channel: '0:0', device: 'virtio', drive: '9d1d2cf3-08c1-462f-8485-f4b073560809' },
      { boot_order: null, dev_channel: '0:1', device: 'virtio', drive: 'b02311e2-a83c-4c12-af10-b30d51c86913' },
    ]);
    // The server is written back as read (its VNC password included; the recording scrubs that one to [REDACTED]).
    expect(attach).toMatchObject({ name: 'test_server', cpu: 1000, mem: 536870912, vnc_password: expect.any(String), pubkeys: ['186106ac-afb5-40e5-a0de-6f0feba5a3d5'] });
    expect(attach).not.toHaveProperty('runtime');
    expect(attach).not.toHaveProperty('status');
    expect((attach.nics as Record<string, unknown>[])[0]).not.toHaveProperty('runtime');
    const detach = JSON.parse(cloudsigma.sent[7]!.body) as Record<string, unknown>;
    expect(detach.drives).toEqual([{ boot_order: 1, dev_channel: '0:0', device: 'virtio', drive: '9d1d2cf3-08c1-462f-8485-f4b073560809' }]);
  });

  it('refuses to detach a drive that is not mounted, and a bad device channel', async () => {
    const driver = cloudsigma.driver();
    const drive = (await driver.listVolumes())[0]!;
    await expect(driver.detachVolume(drive)).rejects.toMatchObject({ name: 'ValidationError', argument: 'volume' });
    const node = (await driver.listNodes())[0]!;
    await expect(driver.attachVolume(node, drive, '/dev/sdf')).rejects.toMatchObject({ name: 'ValidationError', argument: 'device' });
    expect(cloudsigma.sent.map((request) => request.method)).toEqual(['GET', 'GET', 'GET']);
  });
});

describe('cloudsigma 2.0 key pairs', () => {
  it('lists, gets, generates, imports and deletes keypairs', async () => {
    const driver = cloudsigma.driver();
    const listed = await driver.listKeyPairs();
    expect(listed.map((keyPair) => [keyPair.name, keyPair.fingerprint])).toEqual([
      ['ala', '8c:71:a2:f0:bc:a4:45:66:a8:59:77:6d:80:d5:a0:89'], ['test_name', '99:1e:71:ea:d1:43:80:55:14:ca:27:5c:64:69:3b:10'],
    ]);
    expect(listed[0]!.privateKey).toBeUndefined();
    expect(listed[0]!.extra).toEqual({ uuid: '186106ac-afb5-40e5-a0de-6f0feba5a3d5', hasPrivateKey: true });
    expect(await driver.getKeyPair('test_name')).toMatchObject({ extra: { uuid: 'b4fa47cf-f929-4dde-b77a-ea1d326862bd' } });
    await expect(driver.getKeyPair('nope')).rejects.toMatchObject({ name: 'KeyPairDoesNotExistError' });
    const generated = await driver.createKeyPair('ala');
    // The recording's private key is scrubbed to [REDACTED]; live, it is the PEM CloudSigma generated.
    expect(generated).toMatchObject({ name: 'ala', privateKey: expect.any(String) });
    expect(generated.privateKey).not.toBe('');
    const imported = await driver.importKeyPair('test_key', 'ssh-rsa AAAAB3Nza test@example\n');
    expect(imported).toMatchObject({ name: 'test_key', fingerprint: 'e8:ee:43:72:38:09:6d:1e:8e:46:9e:76:80:a3:0a:01', extra: { uuid: '6d7db550-d1c5-4e3b-9c0a-e83f6a2b8244' } });
    expect(imported.privateKey).toBeUndefined();
    await driver.deleteKeyPair(imported);
    await driver.deleteKeyPair({ name: 'ala', fingerprint: '', extra: {} });

    const calls = cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`);
    expect(calls).toEqual([
      'GET /keypairs/detail/?limit=0', 'GET /keypairs/detail/?limit=0', 'GET /keypairs/detail/?limit=0', 'POST /keypairs/', 'POST /keypairs/',
      'DELETE /keypairs/6d7db550-d1c5-4e3b-9c0a-e83f6a2b8244/', 'GET /keypairs/detail/?limit=0', 'DELETE /keypairs/186106ac-afb5-40e5-a0de-6f0feba5a3d5/',
    ]);
    expect(JSON.parse(cloudsigma.sent[3]!.body)).toEqual({ objects: [{ name: 'ala', algorithm_type: 'rsa' }] });
    expect(JSON.parse(cloudsigma.sent[4]!.body)).toEqual({ objects: [{ name: 'test_key', public_key: 'ssh-rsa AAAAB3Nza test@example' }] });
  });
});

describe('cloudsigma 2.0 extras', () => {
  it('opens and closes VNC tunnels and resizes a drive', async () => {
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    expect(await driver.exOpenVncTunnel(node!)).toBe('vnc://direct.lvs.cloudsigma.com:41111');
    await driver.exCloseVncTunnel(node!);
    const drive = (await driver.listVolumes())[0]!;
    const resized = await driver.exResizeVolume(drive, 10);
    expect(resized).toMatchObject({ size: 10, state: 'creating' });
    expect(cloudsigma.sent.map((request) => request.url.replace(API, ''))).toEqual([
      '/servers/detail/?limit=100&offset=0', `/servers/${node!.id}/action/?do=open_vnc`, `/servers/${node!.id}/action/?do=close_vnc`,
      '/drives/detail/?limit=0', `/drives/${drive.id}/`, `/drives/${drive.id}/action/?do=resize`,
    ]);
    expect(JSON.parse(cloudsigma.sent[5]!.body)).toEqual({ name: 'test node 2-drive', size: 10 * 1024 ** 3, media: 'disk' });
  });
});

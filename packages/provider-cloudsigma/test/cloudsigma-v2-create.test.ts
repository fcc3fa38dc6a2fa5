import { ValidationError, stampProvider } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { useRecordedCloudSigmaV2 } from './support/cloudsigma-test-driver.js';

const cloudsigma = useRecordedCloudSigmaV2();
const API = 'https://zrh.cloudsigma.com/api/2.0';
const IMAGE = '5236b9ee-f735-42fd-a236-17558f9e12d3';
const CLONE = 'b02311e2-a83c-4c12-af10-b30d51c86913';

describe('cloudsigma 2.0 createNode', () => {
  it('clones the library drive, waits, grows it, creates the server with it, and starts it', async () => {
    const driver = cloudsigma.driver();
    const size = (await driver.listSizes()).find((candidate) => candidate.id === 'micro-regular')!;
    const image = (await driver.listImages()).find((candidate) => candidate.id === IMAGE)!;
    cloudsigma.sent.length = 0;
    const node = await driver.createNode({
      name: 'test node', size, image, auth: { sshKey: 'ssh-ed25519 AAAAC3Nza test@example\n' },
      exVncPassword: 'vnc-secret-1', exMetadata: { foo: 'bar' }, exAvoid: ['9414bbeb-e908-4e55-ae3f-2eb61adc50d8'],
    });
    expect(node).toMatchObject({ id: '9de75ed6_fd33_45e2_963f_d405f31fd911', name: 'test node', state: 'running', provider: 'cloudsigma' });
    expect(node.extra.nics).toHaveLength(1);

    expect(cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      `POST /drives/${IMAGE}/action/?do=clone`,
      `GET /drives/${CLONE}/`,
      `POST /drives/${CLONE}/action/?do=resize`,
      `GET /drives/${CLONE}/`,
      'POST /servers/',
      `POST /servers/${node.id}/action/?do=start&avoid=9414bbeb-e908-4e55-ae3f-2eb61adc50d8`,
    ]);
    const bodies = cloudsigma.sent.map((request) => (request.body === '' ? undefined : JSON.parse(request.body)));
    expect(bodies[0]).toEqual({ name: 'test node-drive' });
    expect(bodies[2]).toEqual({ name: 'test drive 5', size: 13 * 1024 ** 3, media: 'disk' });
    expect(bodies[4]).toEqual({
      name: 'test node',
      cpu: 1100,
      mem: 640 * 1024 * 1024,
      vnc_password: 'vnc-secret-1',
      meta: { foo: 'bar', ssh_public_key: 'ssh-ed25519 AAAAC3Nza test@example' },
      nics: [{ boot_order: null, ip_v4_conf: { conf: 'dhcp' }, ip_v6_conf: null }],
      drives: [{ boot_order: 1, dev_channel: '0:0', device: 'virtio', drive: CLONE }],
    });
    expect(cloudsigma.sent[4]!.headers['content-type']).toBe('application/json');
    expect(cloudsigma.sent.every((request) => request.headers.authorization?.startsWith('Basic '))).toBe(true);
  });

  it('takes exCpu/exRam over the size, adds a VLAN NIC, and skips the resize when the clone is big enough', async () => {
    const driver = cloudsigma.driver();
    const size = stampProvider({ id: 'tiny', name: 'tiny', ram: 512, disk: 1, extra: { cpu: 500 } }, 'cloudsigma');
    const image = stampProvider({ id: IMAGE, name: 'ubuntu', extra: { media: 'disk' } }, 'cloudsigma');
    const node = await driver.createNode({ name: 'test node vlan', size, image, exCpu: 3000, exRam: 2048, exVncPassword: 'vnc-secret-2', exVlan: '39ae851d-433f-4ac2-a803-ffa24cb1fa3e' });
    expect(node.name).toBe('test node vlan');
    expect((node.extra.nics as { vlan: { uuid: string } | null }[]).map((nic) => nic.vlan?.uuid ?? null)).toEqual([null, '39ae851d-433f-4ac2-a803-ffa24cb1fa3e']);
    expect(cloudsigma.sent.map((request) => request.url.replace(API, ''))).toEqual([
      `/drives/${IMAGE}/action/?do=clone`, `/drives/${CLONE}/`, '/servers/', '/servers/9de75ed6_fd33_45e2_963f_d405f31fd911/action/?do=start',
    ]);
    const body = JSON.parse(cloudsigma.sent[2]!.body) as Record<string, unknown>;
    expect(body).toMatchObject({ cpu: 3000, mem: 2048 * 1024 * 1024 });
    expect(body.meta).toBeUndefined();
    expect(body.nics).toEqual([
      { boot_order: null, ip_v4_conf: { conf: 'dhcp' }, ip_v6_conf: null },
      { boot_order: null, ip_v4_conf: null, ip_v6_conf: null, vlan: '39ae851d-433f-4ac2-a803-ffa24cb1fa3e' },
    ]);
  });

  it('deletes the cloned drive again when the server cannot be created', async () => {
    cloudsigma.answer({ 'POST /servers/': { status: 402, body: '[{"error_point": null, "error_type": "billing", "error_message": "Insufficient funds"}]' } });
    const driver = cloudsigma.driver();
    const size = (await driver.listSizes())[2]!;
    const image = stampProvider({ id: IMAGE, name: 'ubuntu', extra: {} }, 'cloudsigma');
    await expect(driver.createNode({ name: 'poor', size, image, exVncPassword: 'vnc-secret-3' })).rejects.toMatchObject({ name: 'ProviderError', providerCode: 'billing' });
    expect(cloudsigma.sent.at(-1)).toMatchObject({ method: 'DELETE', url: `${API}/drives/${CLONE}/` });
  });

  it('refuses bad input before any request', async () => {
    const driver = cloudsigma.driver();
    const size = (await driver.listSizes())[0]!;
    const image = stampProvider({ id: IMAGE, name: 'ubuntu', extra: {} }, 'cloudsigma');
    const fra = stampProvider({ id: 'fra', name: 'Frankfurt', country: 'DE', extra: {} }, 'cloudsigma');
    const attempts: [Record<string, unknown>, string][] = [
      [{ auth: { password: 'secret' } }, 'options.auth'],
      [{ location: fra }, 'options.location'],
      [{ exCpu: 0 }, 'options.exCpu'],
      [{ exRam: 1.5 }, 'options.exRam'],
      [{ size: { id: 'bare', name: 'bare', ram: 512, disk: 10, extra: {} } }, 'options.exCpu'],
      [{ exVncPassword: ' ' }, 'options.exVncPassword'],
    ];
    for (const [extra, argument] of attempts) {
      const error = await driver.createNode({ name: 'x', size, image, ...extra }).catch((caught: unknown) => caught);
      expect(ValidationError.isInstance(error), argument).toBe(true);
      expect((error as ValidationError).argument).toBe(argument);
    }
    expect(cloudsigma.sent).toHaveLength(0);
  });
});

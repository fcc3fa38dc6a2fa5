import { ProviderError, RequestTimeoutError, ValidationError, stampProvider } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { computeFixture, useRecordedGoGridCompute } from './support/gogrid-test-compute.js';
import { successBody } from './support/gogrid-route.js';

const gogrid = useRecordedGoGridCompute();
const EMPTY_SERVER_LIST = successBody('grid/server/list', []);

async function sizeAndImage() {
  const driver = gogrid.driver();
  const size = (await driver.listSizes())[0]!;
  const image = stampProvider({ id: '1531', name: 'CentOS 5.3 (32-bit) w/ None', extra: {} }, 'gogrid');
  return { driver, size, image };
}

describe('gogrid createNode', () => {
  it('takes the first free public IP, adds the server, then waits until the listing shows it with an id', async () => {
    let lists = 0;
    // GoGrid lists a new server only after a while: the first listing does not have it yet.
    gogrid.answer({ 'grid/server/list': () => (lists++ === 0 ? { body: EMPTY_SERVER_LIST } : { file: 'server_list.json' }) });
    const { driver, size, image } = await sizeAndImage();
    const node = await driver.createNode({ name: 'test1', size, image, exDescription: 'web server' });

    expect(node).toMatchObject({ id: '90967', name: 'test1', state: 'running', publicIps: ['192.168.0.202'], provider: 'gogrid' });
    expect(node.extra).toMatchObject({ username: 'root', password: expect.stringMatching(/\S/) });
    expect(gogrid.methods()).toEqual(['grid/ip/list', 'grid/server/add', 'grid/server/list', 'grid/server/list', 'support/password/list']);
    const [ips, add] = gogrid.sent;
    expect(Object.fromEntries(ips!.params)).toMatchObject({ 'ip.type': 'Public', 'ip.state': 'Unassigned' });
    expect(ips!.params.has('datacenter')).toBe(false);
    expect(add!.method).toBe('POST');
    expect([...add!.params.entries()].filter(([key]) => !['api_key', 'v', 'format', 'sig'].includes(key))).toEqual([
      ['name', 'test1'], ['image', '1531'], ['description', 'web server'], ['server.ram', '512MB'], ['ip', '192.168.75.66'],
    ]);
    expect(add!.body).toBe('');
  });

  it('uses exIp without listing addresses and does not wait when the add answer has an id', async () => {
    const added = computeFixture('server_add.json');
    added.list = added.list.map((server) => ({ ...server, id: 90967 }));
    gogrid.answer({ 'grid/server/add': { body: JSON.stringify(added) } });
    const { driver, size, image } = await sizeAndImage();
    const node = await driver.createNode({ name: 'test1', size, image, exIp: '192.168.0.202' });
    expect(node).toMatchObject({ id: '90967', extra: { username: 'root' } });
    expect(gogrid.methods()).toEqual(['grid/server/add', 'support/password/list']);
    expect(gogrid.sent[0]!.params.get('ip')).toBe('192.168.0.202');
    expect(gogrid.sent[0]!.params.get('description')).toBe('');
  });

  it('asks for an address of the chosen data center and reports when none is free', async () => {
    const { driver, size, image } = await sizeAndImage();
    const location = stampProvider({ id: '2', name: 'US-East-1', country: 'US', extra: {} }, 'gogrid');
    // Libcloud's ip_list.json holds only US-West-1 addresses, so none of them fits data center 2.
    const error = await driver.createNode({ name: 'test1', size, image, location }).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error.message).toMatch(/no unassigned public IP address left in data center 2/);
    expect(gogrid.methods()).toEqual(['grid/ip/list']);
    expect(gogrid.sent[0]!.params.get('datacenter')).toBe('2');
  });

  it('adds nothing when the account has no free public address', async () => {
    gogrid.answer({ 'grid/ip/list': { file: 'ip_list_empty.json' } });
    const { driver, size, image } = await sizeAndImage();
    await expect(driver.createNode({ name: 'test1', size, image })).rejects.toSatisfy((error) => ProviderError.isInstance(error));
    expect(gogrid.methods()).toEqual(['grid/ip/list']);
  });

  it('gives up after pollTimeoutMs with RequestTimeoutError', async () => {
    gogrid.answer({ 'grid/server/list': { body: EMPTY_SERVER_LIST } });
    const { size, image } = await sizeAndImage();
    const driver = gogrid.driver({ pollIntervalMs: 60_000, pollTimeoutMs: 300 });
    const error = await driver.createNode({ name: 'test1', size, image }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error) && error.message).toBe('gogrid: no server test1 (192.168.0.202) to get an id within 300 ms');
    expect(gogrid.methods()).toEqual(['grid/ip/list', 'grid/server/add', 'grid/server/list']);
  });

  it('stops waiting as soon as the caller aborts', async () => {
    gogrid.answer({ 'grid/server/list': { body: EMPTY_SERVER_LIST } });
    const { size, image } = await sizeAndImage();
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const driver = gogrid.driver({
      pollIntervalMs: 60_000,
      logger: (event) => {
        if (event.type === 'response' && event.url.includes('/grid/server/list')) setTimeout(() => controller.abort(reason), 20);
      },
    });
    const started = Date.now();
    await expect(driver.createNode({ name: 'test1', size, image, signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(gogrid.methods()).toEqual(['grid/ip/list', 'grid/server/add', 'grid/server/list']);
  });

  it('refuses bad input before any request', async () => {
    const { driver, size, image } = await sizeAndImage();
    await expect(driver.createNode({ name: 'x', size, image, auth: { password: 'secret-pw' } })).rejects.toThrow(/^options.auth: GoGrid generates the root password/);
    await expect(driver.createNode({ name: 'x', size, image, auth: { sshKey: 'ssh-ed25519 AAAA' } })).rejects.toThrow(ValidationError);
    await expect(driver.createNode({ name: ' ', size, image })).rejects.toThrow(/^options.name: /);
    await expect(driver.createNode({ name: 'x', size: stampProvider({ ...size }, 'ec2'), image })).rejects.toThrow(/^options.size: comes from provider "ec2"/);
    await expect(driver.createNode({ name: 'x', size, image, exIp: '' })).rejects.toThrow(/^options.exIp: /);
    expect(gogrid.sent).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import { OCEAN_NODE_STATES } from '../src/index.js';
import { DEPLOY_KEY, fingerprintOf } from './support/ocean-api-data.js';
import { useRecordedOcean } from './support/recorded-ocean.js';

const http = useRecordedOcean();
const NEW_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHu5T1lRSCrs8Fq3V2o1tYV3b9WzJ0dD8J6cC6bqkQ3x new@example';
const json = (index: number) => JSON.parse(http.sent[index]?.body ?? 'null') as unknown;

describe('ocean listings', () => {
  it('lists droplets with a bearer token, mapping every status, address, size, image and region', async () => {
    const nodes = await http.driver().listNodes();
    expect(http.sent).toHaveLength(1);
    expect(http.sent[0]).toMatchObject({ method: 'GET', url: 'https://api.ocean.example/v2/droplets?per_page=200' });
    expect(http.sent[0]?.headers).toMatchObject({ authorization: 'Bearer ocean-test-token-not-a-secret', accept: 'application/json' });
    expect(nodes.map((node) => [node.id, node.name, node.state])).toEqual([
      ['3164444', 'web-1', 'running'], ['3164445', 'db-1', 'stopped'], ['3164446', 'worker-1', 'pending'], ['3164447', 'old-1', 'terminated'],
    ]);
    expect(Object.keys(OCEAN_NODE_STATES).sort()).toEqual(['active', 'archive', 'new', 'off']);
    const [web, db] = nodes;
    expect(web).toMatchObject({ publicIps: ['203.0.113.10', '2001:db8::a'], privateIps: ['10.110.0.10'], provider: 'ocean', extra: { tags: ['web'], vcpus: 1 } });
    expect(db?.size).toMatchObject({ id: 's-2vcpu-4gb', ram: 4096, disk: 80, price: 0.03571 });
    expect(db?.image).toMatchObject({ id: 'debian-12-x64', name: 'Debian 12 x64' });
    expect(db?.location).toMatchObject({ id: 'ams3', name: 'Amsterdam 3', country: 'NL' });
    expect(web?.createdAt?.toISOString()).toBe('2025-01-15T09:30:00.000Z');
  });

  it('follows links.pages.next lazily, on the configured endpoint whatever host the link names', async () => {
    http.api({ maxPerPage: 3 });
    const ocean = http.driver({ endpoint: 'https://ocean-proxy.internal.example:8443/' });
    const iterator = ocean.iterateNodes()[Symbol.asyncIterator]();
    for (let index = 0; index < 3; index++) await iterator.next();
    expect(http.sent).toHaveLength(1);
    const rest = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest.push(next.value.id);
    expect(rest).toEqual(['3164447']);
    expect(http.sent.map((request) => request.url)).toEqual([
      'https://ocean-proxy.internal.example:8443/v2/droplets?per_page=200',
      'https://ocean-proxy.internal.example:8443/v2/droplets?page=2&per_page=3',
    ]);
  });

  it('lists sizes, distribution images and regions', async () => {
    const ocean = http.driver();
    const [sizes, images, regions] = [await ocean.listSizes(), await ocean.listImages(), await ocean.listLocations()];
    expect(http.sent.map((request) => request.url.replace('https://api.ocean.example', ''))).toEqual([
      '/v2/sizes?per_page=200', '/v2/images?type=distribution&per_page=200', '/v2/regions?per_page=200',
    ]);
    expect(sizes[0]).toMatchObject({ id: 's-1vcpu-1gb', name: 'Basic', ram: 1024, disk: 25, bandwidth: 1, price: 0.00893, extra: { vcpus: 1, priceMonthly: 6 } });
    expect(images.map((image) => image.id)).toEqual(['ubuntu-24-04-x64', 'debian-12-x64']);
    expect(images[0]?.extra).toMatchObject({ imageId: 164012345, distribution: 'Ubuntu' });
    expect(regions.map((region) => `${region.id}:${region.country}`)).toEqual(['nyc3:US', 'ams3:NL', 'fra1:DE']);
  });
});

describe('ocean droplets', () => {
  it('creates a droplet in the default region, importing the SSH key it does not have yet', async () => {
    const ocean = http.driver({ region: 'fra1' });
    const [size] = await ocean.listSizes();
    const [image] = await ocean.listImages();
    const node = await ocean.createNode({ name: 'api-1', size: size!, image: image!, auth: { sshKey: NEW_KEY }, exTags: ['api'], exUserData: '#cloud-config\n' });
    const fingerprint = fingerprintOf(NEW_KEY);
    expect(http.sent.slice(2).map((request) => `${request.method} ${request.url.replace('https://api.ocean.example', '')}`)).toEqual([
      `GET /v2/account/keys/${encodeURIComponent(fingerprint)}`, 'POST /v2/account/keys', 'POST /v2/droplets',
    ]);
    expect(json(3)).toEqual({ name: `multicloud-${fingerprint.replace(/:/g, '').slice(0, 12)}`, public_key: NEW_KEY });
    expect(json(4)).toEqual({ name: 'api-1', region: 'fra1', size: 's-1vcpu-1gb', image: 'ubuntu-24-04-x64', ssh_keys: [fingerprint], tags: ['api'], user_data: '#cloud-config\n' });
    expect(http.sent[4]?.headers['content-type']).toBe('application/json');
    expect(node).toMatchObject({ id: '3170001', name: 'api-1', state: 'pending', publicIps: [], location: { id: 'fra1' } });
  });

  it('reuses a key the account has, and sends a snapshot image by numeric id', async () => {
    const ocean = http.driver();
    const [size] = await ocean.listSizes();
    const [location] = await ocean.listLocations();
    const images = await ocean.listImages();
    const snapshot = { ...images[1]!, id: '150012346' };
    await ocean.createNode({ name: 'db-2', size: size!, image: snapshot, location: location!, auth: { sshKey: DEPLOY_KEY } });
    expect(http.sent.slice(3).map((request) => request.method)).toEqual(['GET', 'POST']);
    expect(json(4)).toEqual({ name: 'db-2', region: 'nyc3', size: 's-1vcpu-1gb', image: 150012346, ssh_keys: [fingerprintOf(DEPLOY_KEY)] });
  });

  it('reboots, stops and starts through droplet actions, and destroys with DELETE', async () => {
    const ocean = http.driver();
    const [node] = await ocean.listNodes();
    await ocean.rebootNode(node!);
    await ocean.stopNode(node!);
    await ocean.startNode(node!);
    await ocean.destroyNode(node!);
    expect(http.sent.slice(1).map((request) => `${request.method} ${request.url.replace('https://api.ocean.example', '')} ${request.body}`)).toEqual([
      'POST /v2/droplets/3164444/actions {"type":"reboot"}',
      'POST /v2/droplets/3164444/actions {"type":"power_off"}',
      'POST /v2/droplets/3164444/actions {"type":"power_on"}',
      'DELETE /v2/droplets/3164444 ',
    ]);
  });
});

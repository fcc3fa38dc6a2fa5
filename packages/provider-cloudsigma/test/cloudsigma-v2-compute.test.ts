import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describe, expect, it } from 'vitest';
import { MISSING_SERVER_ID, serverGetFixture } from './support/cloudsigma-v2-route.js';
import { TEST_AUTHORIZATION, useRecordedCloudSigmaV2 } from './support/cloudsigma-test-driver.js';

const cloudsigma = useRecordedCloudSigmaV2();
const API = 'https://zrh.cloudsigma.com/api/2.0';

describeConformance('cloudsigma 2.0 compute', computeConformanceChecks({
  provider: 'cloudsigma',
  createDriver: () => cloudsigma.driver(),
  nodeName: 'test node',
  createNodeExtras: { exVncPassword: 'conformance-vnc' },
  missingNodeId: MISSING_SERVER_ID,
}));

describe('cloudsigma 2.0 listNodes', () => {
  it('parses /servers/detail/ and sends a Basic-authenticated GET with limit and offset', async () => {
    const nodes = await cloudsigma.driver().listNodes();
    expect(nodes.map((node) => [node.id, node.name, node.state])).toEqual([
      ['9de75ed6-fd33-45e2-963f-d405f31fd911', 'test no drives', 'running'],
      ['9414bbeb-e908-4e55-ae3f-2eb61adc50d8', 'test-1', 'stopped'],
    ]);
    expect(nodes[0]).toMatchObject({ publicIps: ['185.12.5.181', '178.22.68.55'], privateIps: [], provider: 'cloudsigma' });
    // The recording scrubs VNC passwords to [REDACTED]; live (and when recording) this is the fixture's 'foo'.
    expect(nodes[0]!.extra).toMatchObject({ cpu: 1000, mem: 1073741824, smp: 1, vncPassword: expect.any(String), status: 'running', activeSince: '2013-11-05T10:15:42+00:00' });
    expect(nodes[1]!.extra.drives).toEqual([{ uuid: 'b02311e2-a83c-4c12-af10-b30d51c86913', device: 'ide', devChannel: '0:0', bootOrder: 1 }]);

    expect(cloudsigma.sent).toHaveLength(1);
    const [request] = cloudsigma.sent;
    expect(request).toMatchObject({ method: 'GET', url: `${API}/servers/detail/?limit=100&offset=0`, body: '' });
    expect(request!.headers.authorization).toBe(TEST_AUTHORIZATION);
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers['user-agent']).toMatch(/^multicloud\/\S+ cloudsigma$/);
  });

  it('follows limit/offset pages up to meta.total_count, lazily', async () => {
    const page = (offset: number, uuids: string[]) => JSON.stringify({
      meta: { limit: 2, offset, total_count: 3 },
      objects: uuids.map((uuid) => ({ uuid, name: uuid, status: 'running', nics: [] })),
    });
    cloudsigma.answer({
      'GET /servers/detail/': (request) => ({ body: request.params.get('offset') === '0' ? page(0, ['a', 'b']) : page(2, ['c']) }),
    });
    const driver = cloudsigma.driver();
    const iterated: string[] = [];
    for await (const node of driver.iterateNodes()) {
      iterated.push(node.id);
      if (node.id === 'a') expect(cloudsigma.sent).toHaveLength(1);
    }
    expect(iterated).toEqual(['a', 'b', 'c']);
    expect(cloudsigma.sent.map((request) => request.params.get('offset'))).toEqual(['0', '2']);
  });

  it('maps 401 to InvalidCredentialsError, whatever the body', async () => {
    cloudsigma.answer({ 'GET /servers/detail/': { status: 401, file: 'libdrives.json' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'InvalidCredentialsError', status: 401, retryable: false });
  });

  it('maps a body of the wrong shape to MalformedResponseError, never TypeError', async () => {
    cloudsigma.answer({ 'GET /servers/detail/': { body: '{"objects": [{"name": "no uuid"}]}' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'MalformedResponseError' });
  });

  it('maps broken JSON to MalformedResponseError', async () => {
    cloudsigma.answer({ 'GET /servers/detail/': { body: '<html>Bad gateway</html>' } });
    await expect(cloudsigma.driver().listNodes()).rejects.toMatchObject({ name: 'MalformedResponseError' });
  });
});

describe('cloudsigma 2.0 nodes', () => {
  it('gets one server', async () => {
    const node = await cloudsigma.driver().getNode('3df825cb-9c1b-470d-acbd-03e1a966c046');
    expect(node).toMatchObject({ id: '3df825cb-9c1b-470d-acbd-03e1a966c046', name: 'test_server', state: 'running', publicIps: ['162.213.38.202'] });
    expect(cloudsigma.sent[0]!.url).toBe(`${API}/servers/3df825cb-9c1b-470d-acbd-03e1a966c046/`);
  });

  it('throws NodeDoesNotExistError with the provider message for a missing server', async () => {
    await expect(cloudsigma.driver().getNode(MISSING_SERVER_ID)).rejects.toMatchObject({
      name: 'NodeDoesNotExistError', status: 404, providerCode: 'notexist', message: `cloudsigma: Object with uuid ${MISSING_SERVER_ID} does not exist (HTTP 404, code notexist)`,
    });
  });

  it('reboots by stopping, waiting until stopped, and starting', async () => {
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    await driver.rebootNode(node!);
    const path = `${API}/servers/${node!.id}/`;
    expect(cloudsigma.sent.slice(1).map((request) => `${request.method} ${request.url}`)).toEqual([
      `GET ${path}`, `POST ${path}action/?do=stop`, `GET ${path}`, `POST ${path}action/?do=start`,
    ]);
  });

  it('waits for a stopping server instead of stopping it again when rebooting', async () => {
    let reads = 0;
    cloudsigma.answer({ 'GET /servers/{id}/': () => ({ body: JSON.stringify(serverGetFixture({ status: reads++ < 2 ? 'stopping' : 'stopped' })) }) });
    const driver = cloudsigma.driver();
    const node = await driver.getNode('3df825cb-9c1b-470d-acbd-03e1a966c046');
    expect(node.state).toBe('stopping');
    await driver.rebootNode(node);
    expect(cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      `GET /servers/${node.id}/`, `GET /servers/${node.id}/`, `GET /servers/${node.id}/`, `POST /servers/${node.id}/action/?do=start`,
    ]);
  });

  it('starts with avoid, stops, and reports a refused stop as ProviderError (not bad credentials)', async () => {
    cloudsigma.answer({ 'POST /servers/{id}/action/?do=stop': { status: 403, file: 'stop_already_stopped.json' } });
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    await driver.startNode(node!, { exAvoid: ['1', '2'] });
    expect(cloudsigma.sent[1]!.url).toBe(`${API}/servers/${node!.id}/action/?do=start&avoid=1%2C2`);
    const error = await driver.stopNode(node!).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'ProviderError', status: 403, providerCode: 'permission', message: expect.stringContaining('Cannot stop guest in state "stopped"') });
  });

  it('destroys a stopped server without stopping it again', async () => {
    cloudsigma.answer({ 'GET /servers/{id}/': { body: JSON.stringify(serverGetFixture({ status: 'stopped' })) } });
    const driver = cloudsigma.driver();
    const node = await driver.getNode('3df825cb-9c1b-470d-acbd-03e1a966c046');
    expect(node.state).toBe('stopped');
    await driver.destroyNode(node);
    expect(cloudsigma.sent.map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      `GET /servers/${node.id}/`, `GET /servers/${node.id}/`, `DELETE /servers/${node.id}/?recurse=all_drives`,
    ]);
  });

  it('stops a running server before destroying it', async () => {
    const driver = cloudsigma.driver();
    const [node] = await driver.listNodes();
    await driver.destroyNode(node!);
    expect(cloudsigma.sent.slice(1).map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      `GET /servers/${node!.id}/`, `POST /servers/${node!.id}/action/?do=stop`, `GET /servers/${node!.id}/`, `DELETE /servers/${node!.id}/?recurse=all_drives`,
    ]);
    await driver.exDestroyNode(node!, { keepDrives: true });
    expect(cloudsigma.sent.slice(5).map((request) => `${request.method} ${request.url.replace(API, '')}`)).toEqual([
      `GET /servers/${node!.id}/`, `DELETE /servers/${node!.id}/`,
    ]);
  });
});

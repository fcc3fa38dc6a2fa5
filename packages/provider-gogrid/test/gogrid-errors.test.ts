import { InvalidCredentialsError, MalformedResponseError, ProviderError, type TransportEvent } from '@multicloud/core';
import { NodeDoesNotExistError } from '@multicloud/compute';
import { describe, expect, it } from 'vitest';
import { useRecordedGoGridCompute } from './support/gogrid-test-compute.js';
import { failureBody, TEST_CREDENTIALS } from './support/gogrid-route.js';

const gogrid = useRecordedGoGridCompute();

describe('gogrid compute errors', () => {
  it('maps HTTP 403 to InvalidCredentialsError without retrying', async () => {
    // Libcloud's own mock answers a refused key with HTTP 403 and the body "123".
    gogrid.answer({ 'grid/server/list': { status: 403, body: '123' } });
    const error = await gogrid.driver({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).listNodes().catch((caught: unknown) => caught);
    expect(InvalidCredentialsError.isInstance(error) && error).toMatchObject({ status: 403, retryable: false });
    expect(gogrid.sent).toHaveLength(1);
  });

  it('turns a failed power command (Libcloud: HTTP 404, status failure) into NodeDoesNotExistError', async () => {
    gogrid.answer({ 'grid/server/power': { status: 404, file: 'server_power_fail.json' } });
    const driver = gogrid.driver();
    const [node] = await driver.listNodes();
    const error = await driver.rebootNode(node!).catch((caught: unknown) => caught);
    expect(NodeDoesNotExistError.isInstance(error) && error.message).toBe('gogrid: /grid/server/power failed (HTTP 404)');
  });

  it('treats HTTP 200 with "status": "failure" as an error too', async () => {
    gogrid.answer({ 'grid/server/power': { file: 'server_power_fail.json' } });
    const driver = gogrid.driver();
    const [node] = await driver.listNodes();
    const error = await driver.stopNode(node!).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && !NodeDoesNotExistError.isInstance(error) && error).toMatchObject({ status: 200, message: 'gogrid: /grid/server/power failed (HTTP 200)' });
  });

  it("maps GoGrid's \"No object found\" (IllegalArgumentException) to NodeDoesNotExistError and keeps the code", async () => {
    gogrid.answer({ 'grid/server/delete': { status: 400, body: failureBody('grid/server/delete', 'No object found that matches your input criteria.') } });
    const driver = gogrid.driver();
    const [node] = await driver.listNodes();
    const error = await driver.destroyNode(node!).catch((caught: unknown) => caught);
    expect(NodeDoesNotExistError.isInstance(error) && error).toMatchObject({ status: 400, providerCode: 'IllegalArgumentException' });
    expect((error as Error).message).toBe('gogrid: No object found that matches your input criteria. (HTTP 400, code IllegalArgumentException)');
  });

  it('reports a body that is not GoGrid JSON as MalformedResponseError, and a 503 HTML page as a retryable ProviderError', async () => {
    // Libcloud's malformed-reply mock: "<h3>some non valid json here</h3>".
    gogrid.answer({ 'grid/image/list': { body: '<h3>some non valid json here</h3>' } });
    const driver = gogrid.driver();
    await expect(driver.listImages()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error));
    gogrid.answer({ 'grid/image/list': { status: 503, body: '<h3>some non valid json here</h3>' } });
    const error = await driver.listImages().catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ status: 503, retryable: true, message: 'gogrid: <h3>some non valid json here</h3> (HTTP 503)' });
  });

  it('reports a JSON answer without the GoGrid shape as MalformedResponseError, never a TypeError', async () => {
    gogrid.answer({ 'grid/server/list': { body: '{"status":"success","list":[{"id":1,"ram":"odd"}]}' } });
    await expect(gogrid.driver().listNodes()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error));
    gogrid.answer({ 'grid/server/list': { body: '{"status":"success","list":{}}' } });
    await expect(gogrid.driver().listNodes()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error));
  });

  it('keeps the shared secret and the signature out of every log event', async () => {
    const events: TransportEvent[] = [];
    await gogrid.driver({ logger: (event) => events.push(event) }).listLocations();
    const logged = JSON.stringify(events);
    expect(events.map((event) => event.type)).toEqual(['request', 'response']);
    expect(logged).not.toContain(TEST_CREDENTIALS.sharedSecret);
    expect(logged).not.toContain(TEST_CREDENTIALS.apiKey);
    expect(logged).not.toContain(gogrid.sent[0]!.params.get('sig'));
  });
});

import { InvalidCredentialsError, MalformedResponseError, ProviderError, RequestTimeoutError, ValidationError, stampProvider } from '@multicloud/core';
import { BalancerDoesNotExistError, BalancerImmutableError } from '@multicloud/lb';
import { describe, expect, it } from 'vitest';
import { parseRackspaceLbError } from '../src/index.js';
import { IMMUTABLE, MISSING_BALANCER_ID, balancer8290, useRecordedRackspaceLb } from './support/rackspace-lb-test-driver.js';
import { inTurn } from '@multicloud/fixture-server';

const lb = useRecordedRackspaceLb();
const balancer = stampProvider({ id: '8290', name: 'test2', state: 'running' as const, ip: '1.1.1.1', port: 80, extra: {} }, 'rackspace');

describe('rackspace lb errors', () => {
  it('maps 422 "considered immutable" to BalancerImmutableError (retryable)', async () => {
    lb.answer({ update: IMMUTABLE });
    const error = await lb.driver().updateBalancer(balancer, { name: 'busy' }).catch((caught: unknown) => caught);
    expect(BalancerImmutableError.isInstance(error) && error).toMatchObject({ status: 422, providerCode: 'immutableEntity', retryable: true });
    expect((error as Error).message).toBe("rackspace: Load Balancer '8290' has a status of 'PENDING_UPDATE' and is considered immutable. (HTTP 422, code immutableEntity)");
    expect(lb.sent.map((request) => request.method)).toEqual(['POST', 'PUT']);
  });

  it('retries an immutable PUT when retries are on, then gives up', async () => {
    lb.answer({ update: IMMUTABLE });
    const driver = lb.driver({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    await expect(driver.updateBalancer(balancer, { port: 81 })).rejects.toSatisfy((error) => BalancerImmutableError.isInstance(error));
    expect(lb.sent.filter((request) => request.method === 'PUT')).toHaveLength(2);
  });

  it('maps a missing balancer to BalancerDoesNotExistError with the service message', async () => {
    const error = await lb.driver().getBalancer(MISSING_BALANCER_ID).catch((caught: unknown) => caught);
    expect(BalancerDoesNotExistError.isInstance(error) && error).toMatchObject({ status: 404, providerCode: 'itemNotFound' });
    expect((error as Error).message).toBe('rackspace: Load balancer not found (HTTP 404, code itemNotFound)');
  });

  it('maps a 401 from the identity service to InvalidCredentialsError', async () => {
    lb.answer({ tokens: { status: 401, body: '{"unauthorized":{"message":"Unable to authenticate user with credentials provided.","code":401}}' } });
    await expect(lb.driver().listBalancers()).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error) && error.providerCode === 'unauthorized');
    expect(lb.sent).toHaveLength(1);
  });

  it('reports a malformed listing as MalformedResponseError', async () => {
    lb.answer({ list: { body: '{"loadBalancers":{}}' } });
    await expect(lb.driver().listBalancers()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error) && /expected a list `loadBalancers`/.test(error.message));
  });
});

describe('rackspace lb waiting', () => {
  it('fails the write when the balancer goes to ERROR', async () => {
    lb.answer({ get: balancer8290('ERROR') });
    const error = await lb.driver().updateBalancer(balancer, { name: 'x' }).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ providerCode: 'ERROR' });
    expect((error as Error).message).toMatch(/balancer 8290 went to status ERROR/);
  });

  it('gives up with RequestTimeoutError after pollTimeoutMs', async () => {
    lb.answer({ get: balancer8290('PENDING_UPDATE') });
    const driver = lb.driver({ pollIntervalMs: 60_000, pollTimeoutMs: 300 });
    const error = await driver.updateBalancer(balancer, { name: 'slow' }).catch((caught: unknown) => caught);
    expect(RequestTimeoutError.isInstance(error) && error.message).toBe('rackspace: no balancer 8290 to become active within 300 ms');
    expect(lb.sent.map((request) => request.method)).toEqual(['POST', 'PUT', 'GET']);
  });

  it('stops waiting as soon as the caller aborts', async () => {
    lb.answer({ get: inTurn(balancer8290('PENDING_UPDATE')) });
    const controller = new AbortController();
    const driver = lb.driver({ pollIntervalMs: 60_000 });
    const pending = driver.updateBalancer(balancer, { name: 'cancelled', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller gave up')), 300);
    await expect(pending).rejects.toThrow('caller gave up');
    expect(lb.sent.map((request) => request.method)).toEqual(['POST', 'PUT', 'GET']);
  });
});

describe('rackspace lb input', () => {
  it('checks port, name, members and algorithm before any request, and the protocol against the API list', async () => {
    const driver = lb.driver();
    const valid = { name: 'web', port: 80, protocol: 'http', members: [{ ip: '10.0.0.1', port: 80 }] };
    await expect(driver.createBalancer({ ...valid, port: 0 })).rejects.toThrow(/^options.port: must be a whole number from 1 to 65535, got 0$/);
    await expect(driver.createBalancer({ ...valid, port: 65_536 })).rejects.toThrow(/^options.port: /);
    await expect(driver.createBalancer({ ...valid, name: 'x'.repeat(129) })).rejects.toThrow(/^options.name: must be at most 128 characters$/);
    await expect(driver.createBalancer({ ...valid, members: [] })).rejects.toThrow(/^options.members: Rackspace needs at least one member/);
    await expect(driver.createBalancer({ ...valid, members: [{ id: 'i-1' }] })).rejects.toThrow(/^options.members\[0\]: Rackspace members are addresses/);
    await expect(driver.createBalancer({ ...valid, members: [{ ip: '10.0.0.1', port: 0 }] })).rejects.toThrow(/^options.members\[0\].port: /);
    await expect(driver.createBalancer({ ...valid, algorithm: 'shortest-response' })).rejects.toThrow(
      /^options.algorithm: unsupported algorithm "shortest-response"; Rackspace supports: random, round-robin, least-connections, weighted-round-robin, weighted-least-connections$/,
    );
    await expect(driver.updateBalancer(balancer, {})).rejects.toThrow(/^options: give at least one of/);
    expect(lb.sent).toHaveLength(0);
    await expect(driver.createBalancer({ ...valid, protocol: 'gopher' })).rejects.toThrow(/^options.protocol: unsupported protocol "gopher"; Rackspace supports: http, ftp, imapv4, pop3, smtp, ldap, https, imaps, pop3s, ldaps$/);
    expect(lb.sent.map((request) => new URL(request.url).pathname)).toEqual(['/v2.0/tokens', '/v1.0/11111/loadbalancers/protocols']);
    await expect(driver.createBalancer({ ...valid, protocol: 'gopher' })).rejects.toThrow(ValidationError);
    expect(lb.sent).toHaveLength(2);
  });

  it('refuses models of another provider', async () => {
    const driver = lb.driver();
    const foreign = stampProvider({ ...balancer }, 'ec2');
    await expect(driver.listMembers(foreign)).rejects.toThrow(/^balancer: comes from provider "ec2"/);
    await expect(driver.detachMember(balancer, stampProvider({ id: '1', ip: '10.0.0.1', port: 80, extra: {} }, 'ec2'))).rejects.toThrow(/^member: comes from provider "ec2"/);
    expect(lb.sent).toHaveLength(0);
  });
});

describe('parseRackspaceLbError', () => {
  const read = (status: number, body: string) => parseRackspaceLbError({ status, headers: {}, body });
  it('reads flat and nested bodies and names the fault kind', () => {
    expect(read(422, '{"message":"Load Balancer \'1\' has a status of \'BUILD\' and is considered immutable.","code":422}')).toEqual({ code: 'immutableEntity', message: "Load Balancer '1' has a status of 'BUILD' and is considered immutable." });
    expect(read(422, '{"message":"Must provide at least one node","code":422}')).toMatchObject({ code: 'unprocessableEntity' });
    expect(read(400, '{"message":"Validation Failure","code":400,"details":"Port must be between 1 and 65535"}')).toEqual({ code: 'badRequest', message: 'Validation Failure (Port must be between 1 and 65535)' });
    expect(read(413, '{"overLimit":{"message":"slow down","code":413}}')).toEqual({ code: 'overLimit', message: 'slow down' });
    expect(read(500, '<html>oops</html>')).toBeUndefined();
  });
});

import { NodeDoesNotExistError } from '@multicloud/compute';
import {
  InvalidCredentialsError,
  MalformedResponseError,
  MissingCredentialsError,
  ProviderError,
  RateLimitError,
  UnsupportedOperationError,
  ValidationError,
  stampProvider,
} from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { createOceanCompute, OCEAN_ERROR_TABLE } from '../src/index.js';
import { useRecordedOcean } from './support/recorded-ocean.js';

const http = useRecordedOcean();

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('ocean errors', () => {
  it('maps a refused token to InvalidCredentialsError without retrying', async () => {
    const error = await rejection(http.driver({ token: 'wrong-token', retry: { maxAttempts: 3, baseDelayMs: 1 } }).listSizes());
    expect(InvalidCredentialsError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 401, providerCode: 'unauthorized', requestId: 'req-unauthorized', retryable: false });
    expect(http.sent).toHaveLength(1);
  });

  it('maps not_found on droplet paths to NodeDoesNotExistError', async () => {
    const error = await rejection(http.driver().getNode('999999'));
    expect(NodeDoesNotExistError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 404, providerCode: 'not_found', requestId: 'req-not_found' });
    expect((error as Error).message).toContain('could not be found');
  });

  it('retries too_many_requests honouring Retry-After, then gives up with RateLimitError', async () => {
    http.api({ override: () => ({ status: 429, json: { id: 'too_many_requests', message: 'API Rate limit exceeded.' }, headers: { 'retry-after': '0' } }) });
    const error = await rejection(http.driver({ retry: { maxAttempts: 2, baseDelayMs: 1 } }).listLocations());
    expect(RateLimitError.isInstance(error)).toBe(true);
    expect(http.sent).toHaveLength(2);
    expect(OCEAN_ERROR_TABLE.too_many_requests).toBe(RateLimitError);
  });

  it('reports unprocessable_entity as a ProviderError that is not retried', async () => {
    const ocean = http.driver();
    const [size] = await ocean.listSizes();
    const [image] = await ocean.listImages();
    const nowhere = stampProvider({ id: 'mars1', name: 'Mars', country: '', extra: {} }, 'ocean');
    const error = await rejection(ocean.createNode({ name: 'x', size: size!, image: image!, location: nowhere }));
    expect(ProviderError.isInstance(error) && !NodeDoesNotExistError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 422, providerCode: 'unprocessable_entity', retryable: false });
    expect((error as Error).message).toContain('Region is not available');
  });

  it('turns a body that is not the JSON it should be into MalformedResponseError', async () => {
    http.api({
      override: (request) => request.path === '/v2/sizes' ? { status: 200, text: '<html>maintenance</html>' }
        : request.path === '/v2/regions' ? { status: 200, json: { regions: { nyc3: {} } } } : undefined,
    });
    const ocean = http.driver();
    expect(MalformedResponseError.isInstance(await rejection(ocean.listSizes()))).toBe(true);
    const shape = await rejection(ocean.listLocations());
    expect(MalformedResponseError.isInstance(shape) && (shape as Error).message).toMatch(/regions listing\.regions is not an array/);
  });
});

describe('ocean input and settings', () => {
  it('validates settings at construction and reads the token only on the first request', async () => {
    expect(() => createOceanCompute({ token: ' ' })).toThrow(ValidationError);
    expect(() => createOceanCompute({ region: 'atlantis1' })).toThrow(/unknown Ocean region "atlantis1"/);
    expect(() => createOceanCompute({ endpoint: 'ftp://ocean.example' })).toThrow(ValidationError);
    const error = await rejection(http.driver({ token: undefined }).listNodes());
    expect(MissingCredentialsError.isInstance(error) && (error as MissingCredentialsError).environmentVariable).toBe('OCEAN_TOKEN');
    expect(http.sent).toHaveLength(0);
  });

  it('refuses bad createNode input before any request', async () => {
    const ocean = http.driver();
    const size = stampProvider({ id: 's-1vcpu-1gb', name: 'Basic', ram: 1024, disk: 25, extra: {} }, 'ocean');
    const image = stampProvider({ id: 'ubuntu-24-04-x64', name: 'Ubuntu', extra: {} }, 'ocean');
    const foreign = stampProvider({ ...size }, 'ec2');
    const attempts = [
      ocean.createNode({ name: '', size, image }),
      ocean.createNode({ name: 'x', size: foreign, image }),
      ocean.createNode({ name: 'x', size, image, auth: { password: 'hunter22' } }),
      ocean.createNode({ name: 'x', size, image, auth: { sshKey: 'not a key!' } }),
    ];
    for (const attempt of attempts) expect(ValidationError.isInstance(await rejection(attempt))).toBe(true);
    expect(UnsupportedOperationError.isInstance(await rejection(ocean.listVolumes()))).toBe(true);
    expect(http.sent).toHaveLength(0);
  });
});

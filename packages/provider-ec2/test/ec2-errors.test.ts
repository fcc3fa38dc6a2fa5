import { InvalidCredentialsError, MissingCredentialsError, ProviderError, RateLimitError, ValidationError, stampProvider } from '@multicloud/core';
import { KeyPairDoesNotExistError, NodeDoesNotExistError } from '@multicloud/compute';
import { describe, expect, it } from 'vitest';
import { createEc2Compute } from '../src/index.js';
import { TEST_CREDENTIALS, useRecordedEc2 } from './support/ec2-test-driver.js';

const ec2 = useRecordedEc2();
const awsError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors><RequestID>req-${code}</RequestID></Response>`;

describe('ec2 errors', () => {
  it('maps InvalidKeyPair.NotFound to KeyPairDoesNotExistError with code and request id', async () => {
    ec2.answer({ DescribeKeyPairs: { status: 400, file: 'describe_key_pairs_doesnt_exist.xml' } });
    const error = await ec2.driver().getKeyPair('test-key-pair').catch((caught: unknown) => caught);
    expect(KeyPairDoesNotExistError.isInstance(error) && error).toMatchObject({
      status: 400, providerCode: 'InvalidKeyPair.NotFound', requestId: '31b97300-eb8e-405e-9567-b0f57b791fed', retryable: false,
    });
    expect((error as Error).message).toBe("ec2: The key pair 'test-key-pair' does not exist (HTTP 400, code InvalidKeyPair.NotFound, request id 31b97300-eb8e-405e-9567-b0f57b791fed)");
  });

  it('maps AuthFailure to InvalidCredentialsError without retrying', async () => {
    ec2.answer({ DescribeInstances: { status: 401, body: awsError('AuthFailure', 'AWS was not able to validate the provided access credentials') } });
    await expect(ec2.driver({ retry: { maxAttempts: 3, baseDelayMs: 1 } }).listNodes()).rejects.toSatisfy((error) => InvalidCredentialsError.isInstance(error));
    expect(ec2.sent).toHaveLength(1);
  });

  it('retries RequestLimitExceeded, then gives up with RateLimitError', async () => {
    ec2.answer({ DescribeInstances: { status: 503, body: awsError('RequestLimitExceeded', 'Request limit exceeded.') } });
    const error = await ec2.driver({ retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }).listNodes().catch((caught: unknown) => caught);
    expect(RateLimitError.isInstance(error) && error.providerCode).toBe('RequestLimitExceeded');
    expect(ec2.sent).toHaveLength(2);
  });

  it('reports an idempotency-token mismatch as a typed provider error', async () => {
    ec2.answer({ RunInstances: { status: 400, file: 'run_instances_idem_mismatch.xml' } });
    const driver = ec2.driver();
    const size = (await driver.listSizes())[0]!;
    const error = await driver.createNode({ name: 'x', size, image: { id: 'ami-1', name: 'a', extra: {} }, exClientToken: 'reused' }).catch((caught: unknown) => caught);
    expect(ProviderError.isInstance(error) && error).toMatchObject({ providerCode: 'IdempotentParameterMismatch', requestId: '5dabd361-d2e0-4f79-937d-4b2852a3b719' });
    expect(ec2.sent[0]!.params.get('ClientToken')).toBe('reused');
  });

  it('maps InvalidInstanceID.NotFound to NodeDoesNotExistError', async () => {
    ec2.answer({ DescribeInstances: { status: 400, body: awsError('InvalidInstanceID.NotFound', "The instance ID 'i-1' does not exist") } });
    await expect(ec2.driver().getNode('i-1')).rejects.toSatisfy((error) => NodeDoesNotExistError.isInstance(error));
  });
});

describe('ec2 input and settings', () => {
  it('refuses bad createNode input before any request', async () => {
    const driver = ec2.driver();
    const size = (await driver.listSizes())[0]!;
    const image = { id: 'ami-1', name: 'a', extra: {} };
    await expect(driver.createNode({ name: ' ', size, image })).rejects.toThrow(/^options.name: must be a non-empty string$/);
    await expect(driver.createNode({ name: 'x', size: stampProvider({ ...size }, 'rackspace'), image })).rejects.toThrow(/^options.size: comes from provider "rackspace"/);
    await expect(driver.createNode({ name: 'x', size, image, auth: { password: 'pw' } })).rejects.toThrow(/^options.auth: EC2 supports only \{ sshKey \}/);
    await expect(driver.createVolume({ size: 0, name: 'v' })).rejects.toThrow(ValidationError);
    expect(ec2.sent).toHaveLength(0);
  });

  it('rejects an unknown region, blank credentials and a malformed endpoint at construction', () => {
    expect(() => createEc2Compute({ region: 'mars-north-1' })).toThrow(/^region: unknown AWS region "mars-north-1"/);
    expect(() => createEc2Compute({ accessKeyId: '' })).toThrow(/^accessKeyId: must be a non-empty string/);
    expect(() => createEc2Compute({ endpoint: 'not a url' })).toThrow(/^endpoint: /);
    expect(() => createEc2Compute({ timeoutMs: -5 })).toThrow(/^timeoutMs: /);
  });

  it('reads missing credentials lazily and names the setting and the variable', async () => {
    const saved = { ...process.env };
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    try {
      const driver = createEc2Compute({ region: 'eu-west-1', dispatcher: ec2.dispatcher() });
      const error = await driver.listNodes().catch((caught: unknown) => caught);
      expect(MissingCredentialsError.isInstance(error) && error).toMatchObject({ option: 'accessKeyId', environmentVariable: 'AWS_ACCESS_KEY_ID' });
      expect(ec2.sent).toHaveLength(0);
    } finally {
      process.env = saved;
    }
  });

  it('sends the session token, uses China endpoints, and honours an endpoint override', async () => {
    await ec2.driver({ sessionToken: 'session-token-value' }).listLocations();
    expect(ec2.sent[0]!.headers['x-amz-security-token']).toBe('session-token-value');
    expect(ec2.sent[0]!.headers.authorization).toContain('x-amz-security-token');
    await ec2.driver({ region: 'cn-north-1' }).listLocations();
    expect(ec2.sent[1]!.url).toBe('https://ec2.cn-north-1.amazonaws.com.cn/');
    await ec2.driver({ endpoint: 'https://ec2.internal.example:8443/' }).listLocations();
    expect(ec2.sent[2]!.url).toBe('https://ec2.internal.example:8443/');
  });

  it('registers as ec2 from the register entry', async () => {
    const { getDriver } = await import('@multicloud/core');
    await import('../src/register.js');
    expect(getDriver('compute', 'ec2')).toBe(createEc2Compute);
    void TEST_CREDENTIALS;
  });
});

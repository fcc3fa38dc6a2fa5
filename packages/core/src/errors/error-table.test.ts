import { describe, expect, it } from 'vitest';
import { createErrorClassifier, parseGenericErrorBody } from './error-table.js';
import { InvalidCredentialsError, ProviderError, RateLimitError } from './provider-error.js';

describe('parseGenericErrorBody', () => {
  it.each([
    ['{"code":"Bad","message":"bad thing"}', { code: 'Bad', message: 'bad thing' }],
    ['{"error":"nope"}', { code: undefined, message: 'nope' }],
    ['{"itemNotFound":{"message":"Instance could not be found","code":404}}', { code: 'itemNotFound', message: 'Instance could not be found' }],
    ['Service Unavailable\nmore', { message: 'Service Unavailable' }],
    ['', { message: undefined }],
  ])('reads %j', (body, expected) => {
    expect(parseGenericErrorBody(body)).toEqual(expected);
  });
});

describe('createErrorClassifier', () => {
  const context = { provider: 'demo', now: new Date('2026-01-01T00:00:00Z') };

  it('lets a table rule override retryability, and never retries credentials errors', () => {
    const classify = createErrorClassifier({ table: { Throttled: { error: ProviderError, retryable: true }, Denied: InvalidCredentialsError } });
    expect(classify({ status: 400, headers: {}, body: '{"code":"Throttled"}' }, context).retryable).toBe(true);
    const denied = classify({ status: 500, headers: {}, body: '{"code":"Denied"}' }, context);
    expect(InvalidCredentialsError.isInstance(denied) && denied.retryable).toBe(false);
  });

  it('takes the request id from the body first, then from the headers', () => {
    const classify = createErrorClassifier({ parse: () => ({ code: 'X', requestId: 'from-body' }) });
    expect(classify({ status: 400, headers: { 'x-amz-request-id': 'from-header' }, body: '' }, context).requestId).toBe('from-body');
    expect(createErrorClassifier()({ status: 400, headers: { 'x-openstack-request-id': 'req-1' }, body: '' }, context).requestId).toBe('req-1');
  });

  it('maps 429 to RateLimitError with Retry-After', () => {
    const error = createErrorClassifier()({ status: 429, headers: { 'retry-after': '3' }, body: '' }, context);
    expect(RateLimitError.isInstance(error) && error.retryAfterMs).toBe(3000);
  });
});

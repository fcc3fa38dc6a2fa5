import { describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitError } from '../../errors/provider-error.js';
import { createOpenStackErrorClassifier, parseOpenStackErrorBody } from './openstack-error-body.js';

const answer = (status: number, body: string) => ({ status, headers: {}, body });

describe('parseOpenStackErrorBody', () => {
  it('reads the v2 style, where the only key is the error kind', () => {
    expect(parseOpenStackErrorBody(answer(404, '{"itemNotFound":{"message":"Instance could not be found","code":404}}'))).toEqual({
      code: 'itemNotFound',
      message: 'Instance could not be found',
    });
  });

  it('reads the Keystone v3 style, using the title as the code', () => {
    expect(parseOpenStackErrorBody(answer(401, '{"error":{"message":"The request you have made requires authentication.","code":401,"title":"Unauthorized"}}'))).toEqual({
      code: 'Unauthorized',
      message: 'The request you have made requires authentication.',
    });
  });

  it('leaves other bodies to the generic parser', () => {
    for (const body of ['<html>oops</html>', '{"message":"flat"}', '{"a":{"message":"x"},"b":{}}', '{"a":{"code":1}}', '[]']) {
      expect(parseOpenStackErrorBody(answer(500, body))).toBeUndefined();
    }
  });
});

describe('createOpenStackErrorClassifier', () => {
  const context = { provider: 'test', now: new Date(0) };

  it('maps Nova overLimit (HTTP 413) to a retryable RateLimitError', () => {
    const error = createOpenStackErrorClassifier()(answer(413, '{"overLimit":{"message":"Rate limit exceeded","code":413}}'), context);
    expect(RateLimitError.isInstance(error) && error.retryable).toBe(true);
  });

  it('accepts a driver table merged over the defaults', () => {
    const error = createOpenStackErrorClassifier({ instanceGone: NotFoundError })(answer(400, '{"instanceGone":{"message":"gone"}}'), context);
    expect(NotFoundError.isInstance(error) && error.message).toBe('test: gone (HTTP 400, code instanceGone)');
  });
});

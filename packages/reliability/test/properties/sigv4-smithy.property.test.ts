import { canonicalQuery, getHeader, signV4 } from '@multicloud/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The AWS SDK's own signer (`@smithy/signature-v4`) as the reference: core's test-only helper, shared by path.
import { smithySign, wireUrl, type ReferenceRequest, type ReferenceSettings } from '../../../core/src/auth/sigv4/test-support/smithy-reference.js';

/**
 * SigV4 canonicalization agrees with an independent implementation, the AWS SDK's `@smithy/signature-v4`, on
 * random paths (any Unicode, dot and empty segments, reserved characters), random queries (repeated names, empty
 * values, any Unicode) and random headers (case, inner whitespace), for a regular service and for S3.
 */
const SEED = Number(process.env['FC_SEED'] ?? 20_260_101);
const RUNS = Number(process.env['FC_RUNS'] ?? 300);

const EC2: ReferenceSettings = {
  accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'eu-central-1', service: 'ec2',
  date: new Date('2024-02-29T23:59:59Z'), uriEscapePath: true, applyChecksum: false,
};
const S3: ReferenceSettings = { ...EC2, service: 's3', uriEscapePath: false, applyChecksum: true };

/** Text with any Unicode scalar, weighted towards the characters encoders get wrong. */
const tricky = (maxLength: number) =>
  fc.array(fc.oneof(
    fc.constantFrom(' ', '+', '=', '&', '%', '%20', '%2F', '~', '*', "'", '(', ')', '!', ',', ';', ':', '@', '$', '/', 'ü', '€', '😀', '\u00a0'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ), { maxLength }).map((pieces) => pieces.join(''));

/** A path segment: anything but `/`, `?` and `#` (which would end the path on the wire), or a dot segment. */
const segment = fc.oneof(fc.constantFrom('', '.', '..'), tricky(4).map((text) => text.replace(/[/?#]/g, '')));
/** Queries: names and values of anything, repeated names (arrays), empty values. */
const query = fc.dictionary(tricky(5), fc.oneof(tricky(6), fc.array(tricky(4), { minLength: 1, maxLength: 3 })), { maxKeys: 4 });
/** Header names that are signed (an `x-rel-` prefix keeps them clear of the unsignable ones), with messy values. */
const headers = fc.dictionary(
  fc.stringMatching(/^[a-z0-9-]{1,10}$/).map((name) => `x-rel-${name}`),
  fc.stringMatching(/^[ -~]{0,12}$/).map((value) => ` ${value}  `),
  { maxKeys: 3 },
);
const method = fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD');

function ours(request: ReferenceRequest, settings: ReferenceSettings) {
  const s3 = settings.service === 's3';
  return signV4(
    { method: request.method, url: wireUrl(request), headers: request.headers, body: request.body },
    { ...settings, ...(s3 ? { uriEscapePath: false, normalizePath: false, contentSha256Header: true } : {}) },
  );
}

describe('SigV4 agrees with @smithy/signature-v4', () => {
  it('regular services: raw paths with any Unicode and dot segments, queries, headers, bodies', async () => {
    await fc.assert(fc.asyncProperty(method, fc.array(segment, { minLength: 1, maxLength: 4 }), query, headers, tricky(8), async (verb, segments, parameters, extra, body) => {
      const request: ReferenceRequest = { method: verb, host: 'ec2.eu-central-1.amazonaws.com', path: `/${segments.join('/')}`, query: parameters, headers: extra, body };
      const expected = await smithySign(request, EC2);
      expect(expected['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20240229\/eu-central-1\/ec2\/aws4_request, SignedHeaders=host;/);
      expect(getHeader(ours(request, EC2).headers, 'authorization')).toBe(expected['authorization']);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('S3: percent-encoded keys kept as given (no normalisation), queries, headers', async () => {
    await fc.assert(fc.asyncProperty(method, fc.array(segment, { minLength: 1, maxLength: 4 }), query, headers, async (verb, segments, parameters, extra) => {
      const path = `/${segments.map((part) => encodeURIComponent(part)).join('/')}`;
      const request: ReferenceRequest = { method: verb, host: 'bucket.s3.eu-central-1.amazonaws.com', path, query: parameters, headers: extra, body: 'x' };
      const expected = await smithySign(request, S3);
      const signed = ours(request, S3);
      expect(getHeader(signed.headers, 'authorization')).toBe(expected['authorization']);
      expect(getHeader(signed.headers, 'x-amz-content-sha256')).toBe(expected['x-amz-content-sha256']);
    }), { seed: SEED, numRuns: RUNS });
  });
});

describe('canonical query', () => {
  it('is sorted by encoded name, then encoded value, whatever order the parameters come in', () => {
    fc.assert(fc.property(fc.array(fc.tuple(tricky(5), tricky(5)), { maxLength: 6 }), (pairs) => {
      const url = pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      const canonical = canonicalQuery(url.join('&'));
      expect(canonicalQuery([...url].reverse().join('&'))).toBe(canonical);
      const parsed = canonical === '' ? [] : canonical.split('&').map((pair) => pair.split('='));
      const sorted = [...parsed].sort(([a = '', x = ''], [b = '', y = '']) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
      expect(parsed).toEqual(sorted);
      for (const [name = '', value = ''] of parsed) expect(`${name}${value}`).toMatch(/^(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*$/);
    }), { seed: SEED, numRuns: RUNS * 3 });
  });
});

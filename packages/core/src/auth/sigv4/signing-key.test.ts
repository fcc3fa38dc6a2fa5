import { describe, expect, it } from 'vitest';
import { signingKey } from './signing-key.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
// AWS General Reference, "Examples of how to derive a signing key for Signature Version 4".
const DOCUMENTED_KEY = 'f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('signingKey', () => {
  it('derives the key of the AWS documentation example', () => {
    expect(hex(signingKey(SECRET, '20120215', 'us-east-1', 'iam'))).toBe(DOCUMENTED_KEY);
  });

  it('returns equal keys from the cache, as copies that cannot spoil it', () => {
    const first = signingKey(SECRET, '20120215', 'us-east-1', 'iam');
    const second = signingKey(SECRET, '20120215', 'us-east-1', 'iam');
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    first.fill(0);
    expect(hex(signingKey(SECRET, '20120215', 'us-east-1', 'iam'))).toBe(DOCUMENTED_KEY);
  });

  it('gives a different key for each secret, date, region and service', () => {
    const keys = [
      signingKey(SECRET, '20120215', 'us-east-1', 'iam'),
      signingKey(`${SECRET}x`, '20120215', 'us-east-1', 'iam'),
      signingKey(SECRET, '20120216', 'us-east-1', 'iam'),
      signingKey(SECRET, '20120215', 'eu-west-1', 'iam'),
      signingKey(SECRET, '20120215', 'us-east-1', 's3'),
    ].map(hex);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stays correct after the bounded cache has evicted entries', () => {
    for (let day = 1; day <= 120; day += 1) signingKey(SECRET, `2012${String(day).padStart(4, '0')}`, 'us-east-1', 'iam');
    expect(hex(signingKey(SECRET, '20120215', 'us-east-1', 'iam'))).toBe(DOCUMENTED_KEY);
  });
});

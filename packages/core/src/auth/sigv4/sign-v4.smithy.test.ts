import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { getHeader } from '../../http/http-request.js';
import { UNSIGNED_PAYLOAD } from './hash-payload.js';
import { signV4 } from './sign-v4.js';
import type { ReferenceRequest, ReferenceSettings } from './test-support/smithy-reference.js';
import { smithySign, wireUrl } from './test-support/smithy-reference.js';

const BASE: ReferenceSettings = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'eu-central-1',
  service: 'ec2',
  date: new Date('2024-02-29T23:59:59Z'),
  uriEscapePath: true,
  applyChecksum: false,
};
const S3: ReferenceSettings = { ...BASE, service: 's3', uriEscapePath: false, applyChecksum: true };

interface CrossCheck {
  readonly name: string;
  readonly request: ReferenceRequest;
  readonly settings: ReferenceSettings;
  readonly payloadHash?: string;
}

const handPicked: CrossCheck[] = [
  {
    name: 'path with spaces, unicode, an encoded slash and dot segments; repeated and empty query values',
    request: {
      method: 'POST',
      host: 'ec2.eu-central-1.amazonaws.com',
      path: "/my folder/ünïcödé/a%2Fb/./x/../it's(1)*!",
      query: { b: 'hello world', a: ['z', "(x)*!'", 'Z'], empty: '', 'ключ': 'значение' },
      headers: { 'Content-Type': 'application/json', 'X-Custom': '  a   b  ', 'User-Agent': 'not signed' },
      body: '{"x":1}',
    },
    settings: BASE,
  },
  {
    name: 'S3: encoded key kept as given (double slash, %2B), bytes body',
    request: {
      method: 'PUT',
      host: 'bucket.s3.eu-central-1.amazonaws.com',
      path: '/folder//my%20file%2B1%20%C3%BC.txt',
      query: { uploadId: 'a/b+c', partNumber: '2' },
      headers: { 'Content-Type': 'text/plain', 'x-amz-meta-note': ' spaced   out ' },
      body: new TextEncoder().encode('hello'),
    },
    settings: S3,
  },
  {
    name: 'session token',
    request: { method: 'GET', host: 'sts.amazonaws.com', path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15' }, headers: {} },
    settings: { ...BASE, service: 'sts', region: 'us-east-1', sessionToken: 'FwoGZXIvYXdzE//token+with/slashes==' },
  },
  {
    name: 'S3 unsigned payload',
    request: { method: 'PUT', host: 'bucket.s3.amazonaws.com', path: '/big.bin', query: {}, headers: { 'Content-Length': '5' }, body: 'hello' },
    settings: { ...S3, sessionToken: 'TOKEN' },
    payloadHash: UNSIGNED_PAYLOAD,
  },
];

// A seeded generator, so the "random" requests are the same on every run and a failure can be reproduced.
function generator(seed: number): (length: number) => number {
  let state = seed;
  return (length) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % length;
  };
}

const PATH_PIECES = ['a', 'Z', '0', ' ', '-', '_', '.', '~', '..', '%20', '%2F', 'ü', '€', '😀', "'", '(', '*', '!', '+', '=', ',', ';', '@', '$', '&'];
const QUERY_PIECES = [...PATH_PIECES, '/', '?', '#', '%', ':'];

function generated(count: number): CrossCheck[] {
  const pick = generator(20_240_229);
  const text = (pieces: readonly string[], length: number): string => Array.from({ length }, () => pieces[pick(pieces.length)]).join('');
  return Array.from({ length: count }, (_, index) => {
    const s3 = index % 3 === 0;
    const segments = Array.from({ length: 1 + pick(4) }, () => text(PATH_PIECES, pick(5)));
    const path = `/${segments.join('/')}${pick(2) === 0 ? '/' : ''}`;
    const query = Object.fromEntries(Array.from({ length: pick(4) }, () => [text(QUERY_PIECES, 1 + pick(4)), text(QUERY_PIECES, pick(5))]));
    return {
      name: `generated #${index} (${s3 ? 's3' : 'ec2'}): ${JSON.stringify(path)}`,
      request: {
        method: ['GET', 'PUT', 'POST', 'DELETE'][pick(4)] ?? 'GET',
        host: 'service.example.amazonaws.com',
        // S3 keys are sent percent-encoded; the other services get the raw path the test suite uses.
        path: s3 ? path.split('/').map(encodeURIComponent).join('/') : path,
        query,
        headers: { 'X-Amz-Meta-Random': text(PATH_PIECES, pick(6)) },
        body: text(QUERY_PIECES, pick(10)),
      },
      settings: s3 ? S3 : BASE,
    };
  });
}

describe('signV4 agrees with @smithy/signature-v4', () => {
  it('on the S3 documentation example "GET Object"', async () => {
    const expected = await smithySign(
      { method: 'GET', host: 'examplebucket.s3.amazonaws.com', path: '/test.txt', query: {}, headers: { range: 'bytes=0-9' } },
      { ...S3, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1', date: new Date('2013-05-24T00:00:00Z') },
    );
    expect(expected['authorization']).toMatch(/Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41$/);
  });

  it.each([...handPicked, ...generated(24)].map((check) => [check.name, check] as const))('%s', async (_name, check) => {
    const { request, settings } = check;
    const s3 = settings.service === 's3';
    const body = settings === BASE && request.method === 'PUT' ? Readable.from(['streamed']) : request.body;
    const smithyRequest: ReferenceRequest = {
      ...request,
      headers: { ...request.headers, ...(check.payloadHash === undefined ? {} : { 'x-amz-content-sha256': check.payloadHash }) },
      ...(body === undefined ? {} : { body }),
    };
    const expected = await smithySign(smithyRequest, settings);

    const signed = signV4(
      { method: request.method, url: wireUrl(request), headers: request.headers, ...(body === undefined ? {} : { body }) },
      {
        accessKeyId: settings.accessKeyId,
        secretAccessKey: settings.secretAccessKey,
        sessionToken: settings.sessionToken,
        region: settings.region,
        service: settings.service,
        date: settings.date,
        payloadHash: check.payloadHash,
        ...(s3 ? { uriEscapePath: false, normalizePath: false, contentSha256Header: true } : {}),
      },
    );
    expect(getHeader(signed.headers, 'authorization')).toBe(expected['authorization']);
    expect(getHeader(signed.headers, 'x-amz-date')).toBe(expected['x-amz-date']);
    expect(getHeader(signed.headers, 'x-amz-security-token')).toBe(expected['x-amz-security-token']);
    expect(getHeader(signed.headers, 'x-amz-content-sha256')).toBe(expected['x-amz-content-sha256']);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getHeader } from '../../http/http-request.js';
import type { HttpRequest } from '../../http/http-request.js';
import { signV4WithDetails } from './sign-v4.js';
import { parseRawRequest } from './test-support/parse-raw-request.js';

// src/auth/sigv4 → src/auth → src → core → packages → main → the folder that holds main/ and shared/.
const fixturesDirectory = fileURLToPath(new URL('../../../../../../shared/fixtures/sigv4/', import.meta.url));

/** One case of the AWS suite: a folder with `<name>.req` and its expected `.creq`, `.sts`, `.authz`, `.sreq`. */
interface VectorCase {
  readonly name: string;
  readonly directory: string;
  /** Path below the fixtures folder, e.g. `normalize-path/get-slash`. */
  readonly path: string;
}

function findCases(directory: string): VectorCase[] {
  const entries = readdirSync(directory, { withFileTypes: true });
  const cases: VectorCase[] = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.req'))
    .map((entry) => ({ name: entry.name.slice(0, -'.req'.length), directory, path: relative(fixturesDirectory, directory) }));
  for (const entry of entries) if (entry.isDirectory()) cases.push(...findCases(join(directory, entry.name)));
  return cases;
}

const cases = existsSync(fixturesDirectory) ? findCases(fixturesDirectory) : [];

function read(vector: VectorCase, extension: string): string {
  return readFileSync(join(vector.directory, `${vector.name}${extension}`), 'utf8');
}

/** The suite gives the session token in prose: the value follows the last `X-Amz-Security-Token:`. */
function sessionTokenFor(vector: VectorCase): string | undefined {
  if (!vector.path.split(/[\\/]/).includes('post-sts-token')) return undefined;
  const readme = readFileSync(join(fixturesDirectory, 'post-sts-token', 'readme.txt'), 'utf8');
  const token = /X-Amz-Security-Token:\s*\n\s*(\S+)\s*$/.exec(readme)?.[1];
  if (token === undefined) throw new Error('no session token found in post-sts-token/readme.txt');
  return token;
}

function lowerCaseHeaders(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('signV4 against the AWS SigV4 test suite', () => {
  it('finds the suite, nested folders included', () => {
    expect(existsSync(fixturesDirectory), `fixtures folder missing: ${fixturesDirectory}`).toBe(true);
    const names = cases.map((vector) => vector.name);
    expect(names).toContain('get-vanilla');
    expect(names).toContain('get-slashes'); // normalize-path/get-slashes
    expect(names).toContain('post-sts-header-before'); // post-sts-token/post-sts-header-before
  });

  it.each(cases.map((vector) => [vector.path, vector] as const))('%s', (_path, vector) => {
    const sessionToken = sessionTokenFor(vector);
    const { request, canonicalRequest, stringToSign } = signV4WithDetails(parseRawRequest(read(vector, '.req')), {
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      service: 'service',
      date: new Date('2015-08-30T12:36:00Z'),
      ...(sessionToken === undefined ? {} : { sessionToken, signSessionToken: !vector.name.endsWith('-after') }),
    });

    expect(canonicalRequest).toBe(read(vector, '.creq'));
    expect(stringToSign).toBe(read(vector, '.sts'));
    expect(getHeader(request.headers, 'authorization')).toBe(read(vector, '.authz'));
    // The whole signed request, token included, must be what the suite sends.
    const expected = parseRawRequest(read(vector, '.sreq'));
    expect(request.url).toBe(expected.url);
    expect(request.body).toBe(expected.body);
    expect(lowerCaseHeaders(request)).toEqual(lowerCaseHeaders(expected));
  });
});

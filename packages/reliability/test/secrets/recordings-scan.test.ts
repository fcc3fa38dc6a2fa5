import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGES, TEST_BASIC_CREDENTIALS, recordingFiles, scanRecording, testCredentials } from '../support/har-scan.js';

/**
 * Secrets, part 2: every committed recording (`packages/*\/test/recordings/**\/*.har`) is free of the credentials
 * the provider tests use, and of anything secret-shaped that was not scrubbed: secret headers and query
 * parameters, password/key fields in JSON, XML and CloudSigma text bodies, PEM private keys.
 */
const files = recordingFiles();
const credentials = [...testCredentials(), ...TEST_BASIC_CREDENTIALS];

/** Where `needle` occurs in `text`. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index >= 0; index = text.indexOf(needle, index + 1)) found.push(index);
  return found;
}

describe('committed recordings', () => {
  it('exist, and the provider tests\' credentials were found to look for', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(credentials).toEqual(expect.arrayContaining(['wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', 'multicloud-test-api-key-0000', 'gogrid-test-secret', 'not-a-real-password', 'not-a-real-api-key']));
  });

  it('hold none of the credentials the provider tests use', () => {
    const hits = files.flatMap((file) => {
      const text = readFileSync(join(PACKAGES, file), 'utf8');
      return credentials.flatMap((credential) => occurrences(text, JSON.stringify(credential).slice(1, -1))
        .map(() => `${file}: ${credential}`));
    });
    expect(hits).toEqual([]);
  });

  it('have every secret header, query parameter and password/key field scrubbed (CloudSigma 1.0 text lines too), and no private key', () => {
    expect(files.flatMap(scanRecording)).toEqual([]);
  });
});

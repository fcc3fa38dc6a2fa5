import { KeyPairDoesNotExistError } from '@multicloud/compute';
import { UnsupportedOperationError } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { oceanKeyFingerprint } from '../src/index.js';
import { DEPLOY_KEY } from './support/ocean-api-data.js';
import { useRecordedOcean } from './support/recorded-ocean.js';

const http = useRecordedOcean();
const OTHER_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBl0mE8wbQvYpZ3rI0Xb5xKq1kOqcJ8q9oVbQ3a3L0aB other@example';

describe('ocean key pairs', () => {
  it('lists, imports, gets by name and deletes by fingerprint', async () => {
    const ocean = http.driver();
    expect((await ocean.listKeyPairs()).map((key) => [key.name, key.fingerprint])).toEqual([['deploy', oceanKeyFingerprint(DEPLOY_KEY)]]);
    const imported = await ocean.importKeyPair('laptop', OTHER_KEY);
    expect(imported).toMatchObject({ name: 'laptop', fingerprint: oceanKeyFingerprint(OTHER_KEY), publicKey: OTHER_KEY });
    expect((await ocean.getKeyPair('laptop')).fingerprint).toBe(imported.fingerprint);
    await ocean.deleteKeyPair(imported);
    expect(http.sent.map((request) => `${request.method} ${request.url.replace('https://api.ocean.example', '')}`)).toEqual([
      'GET /v2/account/keys?per_page=200', 'POST /v2/account/keys', 'GET /v2/account/keys?per_page=200',
      `DELETE /v2/account/keys/${encodeURIComponent(imported.fingerprint)}`,
    ]);
    expect(JSON.parse(http.sent[1]?.body ?? '')).toEqual({ name: 'laptop', public_key: OTHER_KEY });
  });

  it('says KeyPairDoesNotExistError for an unknown name or fingerprint, and does not generate keys', async () => {
    const ocean = http.driver();
    await expect(ocean.getKeyPair('nope')).rejects.toSatisfy((error) => KeyPairDoesNotExistError.isInstance(error));
    const gone = { name: 'gone', fingerprint: oceanKeyFingerprint(OTHER_KEY), extra: {} };
    await expect(ocean.deleteKeyPair(gone)).rejects.toSatisfy((error) => KeyPairDoesNotExistError.isInstance(error));
    await expect(ocean.createKeyPair('new')).rejects.toSatisfy((error) => UnsupportedOperationError.isInstance(error));
    expect(http.sent).toHaveLength(2);
  });
});

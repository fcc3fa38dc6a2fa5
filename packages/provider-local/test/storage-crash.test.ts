import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ObjectDoesNotExistError } from '@multicloud/storage';
import { describe, expect, it } from 'vitest';
import { createLocalStorage } from '../src/index.js';
import { exited, firstJsonLine, spawnTypeScript, temporaryRoot } from './support/local-test-support.js';

describe('a process killed in the middle of an upload', () => {
  it('leaves no half object: a new name stays missing, an existing object keeps its old bytes', async () => {
    const root = temporaryRoot('crash');
    const storage = createLocalStorage({ root });
    const container = await storage.createContainer('crash');
    const old = await storage.uploadObjectFromStream(Readable.from([Buffer.from('old version')]), container, 'kept.txt');
    for (const name of ['new.bin', 'kept.txt']) {
      const child = spawnTypeScript('upload-and-hang.ts', [root, 'crash', name]);
      expect(await firstJsonLine(child)).toEqual({ halfWritten: true });
      // The partial file really holds the first half when the process dies.
      const partials = join(root, 'storage', 'crash', '.multicloud', 'tmp');
      expect(readdirSync(partials).map((file) => statSync(join(partials, file)).size)).toContain(1 << 20);
      child.kill('SIGKILL');
      await exited(child);
    }
    await expect(storage.getObject('crash', 'new.bin')).rejects.toSatisfy((error: unknown) => ObjectDoesNotExistError.isInstance(error));
    expect(await storage.getObject('crash', 'kept.txt')).toEqual(old);
    expect((await storage.listObjects(container)).map((object) => object.name)).toEqual(['kept.txt']);
  });
});

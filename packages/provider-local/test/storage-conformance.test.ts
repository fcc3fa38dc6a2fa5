import { describeConformance } from '@multicloud/core/testing';
import { storageConformanceChecks } from '@multicloud/storage/testing';
import { createLocalStorage } from '../src/index.js';
import { temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('storage-kit');

describeConformance('local storage', storageConformanceChecks({ provider: 'local', createDriver: () => createLocalStorage({ root }) }));
describeConformance('local storage (binary, nested unicode name)', storageConformanceChecks({
  provider: 'local',
  createDriver: () => createLocalStorage({ root }),
  containerName: 'Ünïcode container',
  objectName: 'a/b c/d ☃ 日本.bin',
  content: Uint8Array.from({ length: 70_000 }, (_, index) => (index * 31) % 256),
}));

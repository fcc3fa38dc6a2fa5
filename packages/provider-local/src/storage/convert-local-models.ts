import { stampProvider } from '@multicloud/core';
import type { Container, StorageObject } from '@multicloud/storage';
import { LOCAL } from '../local-root.js';

/** A container model for the folder at `path`. `extra.path` is the folder. */
export function localContainer(name: string, path: string): Container {
  return stampProvider({ name, extra: { path } }, LOCAL);
}

/** What is known about a stored object. */
export interface LocalObjectFacts {
  /** Container name. */
  readonly containerName: string;
  /** Object name. */
  readonly name: string;
  /** Data file. */
  readonly path: string;
  /** Size in bytes. */
  readonly size: number;
  /** MD5 hex of the content. */
  readonly md5: string;
  /** Content type. */
  readonly contentType: string;
  /** User metadata. */
  readonly metadata: Readonly<Record<string, string>>;
  /** Modification time of the data file, in ms since the epoch. */
  readonly mtimeMs: number;
}

/** An object model. `hash` is the MD5 hex of the content; `extra.path` is the data file. */
export function localObject(facts: LocalObjectFacts): StorageObject {
  return stampProvider({
    name: facts.name,
    size: facts.size,
    hash: facts.md5,
    contentType: facts.contentType,
    lastModified: new Date(facts.mtimeMs),
    metadata: Object.freeze({ ...facts.metadata }),
    containerName: facts.containerName,
    extra: { path: facts.path },
  }, LOCAL);
}

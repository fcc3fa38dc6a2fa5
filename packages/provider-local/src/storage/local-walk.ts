import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { RESERVED_FOLDER, isObjectName } from './local-names.js';
import { isMissing } from './local-storage-errors.js';

/** Compares two names by their UTF-8 bytes, the order S3 and Swift list keys in. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Options of {@link walkObjectNames}. */
export interface WalkOptions {
  /** Only names starting with this. */
  readonly prefix?: string | undefined;
  /** Only names after this one (exclusive), in {@link compareNames} order: the page token. */
  readonly after?: string | undefined;
}

interface Entry {
  /** Object name, or folder name plus `/`: sorting these keys walks the tree in global name order. */
  readonly key: string;
  readonly name: string;
  readonly folder: boolean;
}

/** Whether anything in the folder whose names all start with `key` can match. */
function folderMatters(key: string, options: WalkOptions): boolean {
  const { prefix = '', after } = options;
  if (!key.startsWith(prefix) && !prefix.startsWith(key)) return false;
  // Every name under `key` sorts before `after` when `key` does and `after` is not inside the folder.
  return after === undefined || after.startsWith(key) || compareNames(key, after) > 0;
}

async function readFolder(path: string, relative: string): Promise<Entry[]> {
  let entries;
  try {
    entries = await readdir(path, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  return entries
    .filter((entry) => (entry.isFile() || entry.isDirectory()) && !(relative === '' && entry.name === RESERVED_FOLDER))
    .map((entry) => ({ key: `${relative}${entry.name}${entry.isDirectory() ? '/' : ''}`, name: entry.name, folder: entry.isDirectory() }))
    .sort((a, b) => compareNames(a.key, b.key));
}

/**
 * Yields the object names of a container folder in UTF-8 byte order, lazily, skipping the reserved `.multicloud`
 * folder, symbolic links, and files whose names are not valid object names. Walks only the folders that can hold
 * a name matching `prefix` after `after`, so a page costs about what it returns. Never builds a path from `prefix`.
 */
export async function* walkObjectNames(folderPath: string, options: WalkOptions = {}, relative = ''): AsyncGenerator<string> {
  const { prefix = '', after } = options;
  for (const entry of await readFolder(folderPath, relative)) {
    if (entry.folder) {
      if (folderMatters(entry.key, options)) yield* walkObjectNames(join(folderPath, entry.name), options, entry.key);
    } else if (entry.key.startsWith(prefix) && (after === undefined || compareNames(entry.key, after) > 0) && isObjectName(entry.key)) {
      yield entry.key;
    }
  }
}

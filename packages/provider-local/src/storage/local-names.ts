import { join } from 'node:path';
import { ValidationError } from '@multicloud/core';
import { InvalidContainerNameError } from '@multicloud/storage';
import { LOCAL } from '../local-root.js';

/** The folder inside each container that holds sidecars and partial uploads; never listed, reserved as an object name. */
export const RESERVED_FOLDER = '.multicloud';

/** Longest container name, in bytes of UTF-8 (one directory name). */
export const MAX_CONTAINER_NAME_BYTES = 255;
/** Longest object name, in bytes of UTF-8. */
export const MAX_OBJECT_NAME_BYTES = 1024;
/** Longest segment of an object name (between slashes), in bytes of UTF-8: one file or folder name. */
export const MAX_OBJECT_SEGMENT_BYTES = 255;

/** Control characters (C0 and DEL), NUL included. */
const CONTROL = /[\u0000-\u001f\u007f]/;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Why `name` cannot be a container name, or undefined when it can. */
function containerNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'must be a non-empty string';
  if (bytes(name) > MAX_CONTAINER_NAME_BYTES) return `must be at most ${MAX_CONTAINER_NAME_BYTES} bytes of UTF-8`;
  if (CONTROL.test(name)) return 'must not contain NUL or control characters';
  if (name.includes('/') || name.includes('\\')) return 'must not contain "/" or "\\" (a container is one directory)';
  if (name.startsWith('.')) return 'must not start with "." (that excludes "." and "..")';
  return undefined;
}

/**
 * Checks a container name: one directory name, 1–255 bytes of UTF-8, no `/`, `\`, NUL or control characters, not
 * starting with `.` (so `.`, `..` and hidden folders are out).
 * @throws InvalidContainerNameError saying which rule is broken
 */
export function checkContainerName(name: unknown): asserts name is string {
  const problem = containerNameProblem(name);
  if (problem !== undefined) {
    throw new InvalidContainerNameError({ provider: LOCAL, status: 0, providerCode: 'InvalidContainerName', providerMessage: `container name ${JSON.stringify(name)} ${problem}` });
  }
}

/** Whether `name` is a valid container name (for skipping foreign folders in listings). */
export function isContainerName(name: string): boolean {
  return containerNameProblem(name) === undefined;
}

/** Why `segment` cannot be one segment of an object name, or undefined when it can. */
function segmentProblem(segment: string): string | undefined {
  if (segment === '') return 'must not have empty segments (a leading or trailing "/", or "//")';
  if (segment === '.' || segment === '..') return 'must not have "." or ".." segments';
  if (bytes(segment) > MAX_OBJECT_SEGMENT_BYTES) return `must not have a segment longer than ${MAX_OBJECT_SEGMENT_BYTES} bytes of UTF-8`;
  return undefined;
}

/** Why `name` cannot be an object name, or undefined when it can. */
function objectNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name === '') return 'must be a non-empty string';
  // A lone surrogate has no UTF-8 form: the file would be named with U+FFFD, shared with the name spelled so.
  if (/\p{Cs}/u.test(name)) return 'must be Unicode text (it holds a lone surrogate, which has no UTF-8 form)';
  if (bytes(name) > MAX_OBJECT_NAME_BYTES) return `must be at most ${MAX_OBJECT_NAME_BYTES} bytes of UTF-8`;
  if (name.includes('\0')) return 'must not contain NUL';
  if (name.includes('\\')) return 'must not contain "\\"';
  const segments = name.split('/');
  if (segments[0] === RESERVED_FOLDER) return `must not start with "${RESERVED_FOLDER}/" (reserved for sidecars)`;
  for (const segment of segments) {
    const problem = segmentProblem(segment);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * Checks an object name: 1–1024 bytes of UTF-8; `/` separates folders; no empty, `.` or `..` segment (so no absolute
 * path and no way out of the container), no NUL or `\`, segments of at most 255 bytes, not under `.multicloud/`.
 * Spaces and any Unicode text are fine (not a lone surrogate, which no file name can hold).
 * @throws ValidationError naming `argument`
 */
export function checkObjectName(argument: string, name: unknown): asserts name is string {
  const problem = objectNameProblem(name);
  if (problem !== undefined) throw new ValidationError(argument, `${JSON.stringify(name)} ${problem}`);
}

/** Whether `name` is a valid object name (for skipping foreign files in listings). */
export function isObjectName(name: string): boolean {
  return objectNameProblem(name) === undefined;
}

/** Where the pieces of the storage tree live under the root. All names must have been checked. */
export interface StorageLayout {
  /** `<root>/storage`: one folder per container. */
  readonly storageDir: string;
  /** The folder of a container. */
  container(name: string): string;
  /** The data file of an object. */
  object(containerName: string, objectName: string): string;
  /** The sidecar (JSON) of an object: the sidecar tree mirrors the object tree, so it can never clash where the objects do not. */
  sidecar(containerName: string, objectName: string): string;
  /** The sidecar folder of a container. */
  sidecars(containerName: string): string;
  /** The folder of partial uploads of a container (same file system, so a rename is atomic). */
  partials(containerName: string): string;
}

/** The storage layout under `root`. */
export function storageLayout(root: string): StorageLayout {
  const storageDir = join(root, 'storage');
  const container = (name: string) => join(storageDir, name);
  const sidecars = (name: string) => join(container(name), RESERVED_FOLDER, 'meta');
  return {
    storageDir,
    container,
    object: (containerName, objectName) => join(container(containerName), ...objectName.split('/')),
    sidecar: (containerName, objectName) => join(sidecars(containerName), ...objectName.split('/')),
    sidecars,
    partials: (name) => join(container(name), RESERVED_FOLDER, 'tmp'),
  };
}

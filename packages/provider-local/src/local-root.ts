import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ValidationError } from '@multicloud/core';

/** Provider id of every local model and driver. */
export const LOCAL = 'local';

/** The environment variable that sets the root directory when the `root` setting is absent. */
export const LOCAL_ROOT_ENV = 'MULTICLOUD_LOCAL_ROOT';

/** The root directory used when neither the `root` setting nor `MULTICLOUD_LOCAL_ROOT` is set: `<os temp dir>/multicloud-local`. */
export function defaultLocalRoot(): string {
  return join(tmpdir(), 'multicloud-local');
}

/**
 * The absolute root directory of the local provider: the `root` setting, else `MULTICLOUD_LOCAL_ROOT` (ignored when
 * blank), else {@link defaultLocalRoot}. Reads the environment but touches no file.
 * @throws ValidationError for a `root` that is not a non-blank string, or that contains NUL
 */
export function resolveLocalRoot(root: unknown): string {
  const chosen = root ?? (process.env[LOCAL_ROOT_ENV]?.trim() || undefined) ?? defaultLocalRoot();
  if (typeof chosen !== 'string' || chosen.trim() === '') throw new ValidationError('root', 'must be a non-empty directory path');
  if (chosen.includes('\0')) throw new ValidationError('root', 'must not contain NUL');
  return resolve(chosen);
}

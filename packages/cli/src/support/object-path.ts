import { UsageError } from './usage-error.js';

/** A `container/name` argument: the container, and the rest (an object name or a prefix; empty when absent). */
export interface ObjectPath {
  /** Container (bucket) name: everything before the first `/`. */
  readonly container: string;
  /** Everything after it, which may itself contain `/`. */
  readonly name: string;
}

/**
 * Splits `container/name` at the first `/`.
 * @throws UsageError for an empty container name
 */
export function parseObjectPath(argument: string, what = 'container/name'): ObjectPath {
  const slash = argument.indexOf('/');
  const container = slash === -1 ? argument : argument.slice(0, slash);
  const name = slash === -1 ? '' : argument.slice(slash + 1);
  if (container === '') throw new UsageError(`expected ${what}, got "${argument}"`);
  return { container, name };
}

/** Like {@link parseObjectPath}, but the object name is required. */
export function parseObjectName(argument: string): ObjectPath {
  const path = parseObjectPath(argument);
  if (path.name === '') throw new UsageError(`expected container/name, got "${argument}" (no object name)`);
  return path;
}

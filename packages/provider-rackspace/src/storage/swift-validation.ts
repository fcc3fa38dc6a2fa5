import { ValidationError } from '@multicloud/core';
import { InvalidContainerNameError } from '@multicloud/storage';

/** Swift's longest container name, in bytes of UTF-8. */
export const MAX_CONTAINER_NAME_BYTES = 256;
/** Swift's longest object name, in bytes of UTF-8. */
export const MAX_OBJECT_NAME_BYTES = 1024;

/**
 * Checks a container name against Swift's rules (1–256 bytes of UTF-8, no `/`) before any request.
 * @throws InvalidContainerNameError saying which rule is broken
 */
export function checkContainerName(provider: string, name: unknown): asserts name is string {
  const fail = (rule: string) =>
    new InvalidContainerNameError({ provider, status: 400, providerCode: 'InvalidContainerName', providerMessage: `container name ${JSON.stringify(name)} ${rule}` });
  if (typeof name !== 'string' || name === '') throw fail('must be a non-empty string');
  if (Buffer.byteLength(name, 'utf8') > MAX_CONTAINER_NAME_BYTES) throw fail(`must be at most ${MAX_CONTAINER_NAME_BYTES} bytes of UTF-8`);
  if (name.includes('/')) throw fail('must not contain "/"');
}

/** Checks an object name: non-empty Unicode text, at most 1024 bytes of UTF-8. @throws ValidationError naming `argument` */
export function checkObjectName(argument: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || name === '') throw new ValidationError(argument, 'must be a non-empty string');
  // A lone surrogate has no UTF-8 form: it could only be sent as U+FFFD, naming another object.
  if (/\p{Cs}/u.test(name)) throw new ValidationError(argument, 'must be Unicode text (it holds a lone surrogate, which has no UTF-8 form)');
  if (Buffer.byteLength(name, 'utf8') > MAX_OBJECT_NAME_BYTES) throw new ValidationError(argument, `must be at most ${MAX_OBJECT_NAME_BYTES} bytes of UTF-8`);
}

/**
 * The `X-Object-Meta-*` headers of user metadata. Keys may hold letters, digits and dashes (Swift folds `_` into `-`
 * and title-cases names, so keys come back lower-cased); values printable ASCII (header values are not UTF-8).
 * @throws ValidationError naming the offending key
 */
export function metadataHeaders(metadata: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (!/^[a-z0-9-]+$/i.test(name)) throw new ValidationError(`options.metadata.${name}`, 'metadata keys may hold only letters, digits and dashes');
    if (typeof value !== 'string' || !/^[\x20-\x7e]*$/.test(value)) {
      throw new ValidationError(`options.metadata.${name}`, 'metadata values must be strings of printable ASCII (encode other text, e.g. with encodeURIComponent)');
    }
    headers[`X-Object-Meta-${name}`] = value;
  }
  return headers;
}

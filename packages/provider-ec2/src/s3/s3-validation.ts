import { ValidationError } from '@multicloud/core';
import { InvalidContainerNameError } from '@multicloud/storage';
import { S3 } from './convert-s3-models.js';

/**
 * Checks a bucket name against S3's rules (3–63 characters; lower-case letters, digits, dots and dashes; starting
 * and ending with a letter or digit; not an IP address) before any request.
 * @throws InvalidContainerNameError saying which rule is broken
 */
export function checkBucketName(name: unknown): asserts name is string {
  const fail = (rule: string) =>
    new InvalidContainerNameError({ provider: S3, status: 400, providerCode: 'InvalidBucketName', providerMessage: `bucket name ${JSON.stringify(name)} ${rule}` });
  if (typeof name !== 'string' || name.length < 3 || name.length > 63) throw fail('must be 3 to 63 characters long');
  if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name)) throw fail('may hold only lower-case letters, digits, dots and dashes, and must start and end with a letter or digit');
  if (/\.\.|^\d+\.\d+\.\d+\.\d+$/.test(name)) throw fail('must not contain ".." or look like an IP address');
}

/** Checks an object key: non-empty Unicode text, at most 1024 bytes of UTF-8. @throws ValidationError */
export function checkObjectKey(argument: string, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') throw new ValidationError(argument, 'must be a non-empty string');
  // A lone surrogate has no UTF-8 form: it could only be sent as U+FFFD, naming another object.
  if (/\p{Cs}/u.test(key)) throw new ValidationError(argument, 'must be Unicode text (it holds a lone surrogate, which has no UTF-8 form)');
  if (Buffer.byteLength(key, 'utf8') > 1024) throw new ValidationError(argument, 'must be at most 1024 bytes of UTF-8');
}

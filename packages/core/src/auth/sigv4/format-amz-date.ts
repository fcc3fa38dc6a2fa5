import { ValidationError } from '../../errors/errors.js';

/**
 * Formats a time as SigV4's basic ISO 8601 form in UTC, `YYYYMMDDTHHMMSSZ` (the `X-Amz-Date` value); its first
 * eight characters are the date stamp of the credential scope.
 *
 * @throws ValidationError (`date`) when the date is invalid.
 *
 * @example
 * ```ts
 * formatAmzDate(new Date('2015-08-30T12:36:00.789Z')); // '20150830T123600Z'
 * ```
 */
export function formatAmzDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new ValidationError('date', 'must be a valid Date');
  // toISOString is always UTC: 2015-08-30T12:36:00.789Z → 20150830T123600Z (milliseconds are not signed).
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

import { ValidationError } from '@multicloud/core';
import type { ByteRange } from '../storage-driver.js';

/**
 * The HTTP `Range` header for a byte range whose `end` is exclusive (as in `Array.prototype.slice`):
 * `{ start: 4, end: 7 }` → `bytes=4-6`, `{ start: 4 }` → `bytes=4-`.
 * @throws ValidationError for a negative or fractional start, or an end not after the start
 */
export function rangeHeader(range: ByteRange): string {
  const { start, end } = range;
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('options.range.start', `must be a whole number ≥ 0, got ${String(start)}`);
  if (end !== undefined && (!Number.isInteger(end) || end <= start)) {
    throw new ValidationError('options.range.end', `must be a whole number > start (it is exclusive), got ${String(end)}`);
  }
  return `bytes=${start}-${end === undefined ? '' : end - 1}`;
}

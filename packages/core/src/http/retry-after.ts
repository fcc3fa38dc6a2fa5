/**
 * Reads a `Retry-After` header: delay-seconds or an HTTP-date.
 * @returns milliseconds to wait (0 for a date in the past), or undefined when absent or unreadable
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** A byte count for people, in decimal units: `0 B`, `999 B`, `1.5 kB`, `12.3 MB`. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${UNITS[unit]}`;
}

/** A date for a table: ISO 8601 to the second, in UTC; empty when unknown. */
export function formatDate(date: Date | undefined): string {
  return date === undefined || Number.isNaN(date.getTime()) ? '' : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A list for a table cell. */
export function formatList(values: readonly string[] | undefined): string {
  return values?.join(', ') ?? '';
}

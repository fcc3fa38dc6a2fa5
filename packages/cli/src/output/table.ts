import Table from 'cli-table3';

/** One column of a table for people: a heading and how to show a row's value. */
export interface Column<T> {
  /** Heading, upper case by convention. */
  readonly heading: string;
  /** The cell text of a row. */
  readonly value: (row: T) => string | number | undefined;
  /** Right-align (numbers, sizes). */
  readonly alignRight?: boolean | undefined;
}

const NO_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '',
  middle: '  ',
};

/** Rows as an aligned, borderless table with a heading line (cli-table3), without trailing spaces. */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  const table = new Table({
    head: columns.map((column) => column.heading),
    chars: NO_BORDERS,
    style: { 'padding-left': 0, 'padding-right': 0, head: [], border: [] },
    colAligns: columns.map((column) => (column.alignRight ? 'right' : 'left')),
  });
  for (const row of rows) table.push(columns.map((column) => String(column.value(row) ?? '')));
  return table.toString().split('\n').map((line) => line.trimEnd()).join('\n');
}

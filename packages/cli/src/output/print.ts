import type { CliContext } from '../support/cli-context.js';
import { renderTable, type Column } from './table.js';

/** Writes `value` as indented JSON (the contract's models, field for field; dates as ISO strings). */
export function printJson(context: CliContext, value: unknown): void {
  context.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** `--json`: the rows as a JSON array; otherwise an aligned table, or `empty` when there are no rows. */
export function printRows<T>(context: CliContext, columns: readonly Column<T>[], rows: readonly T[], empty: string): void {
  if (context.json) return printJson(context, rows);
  context.io.stdout.write(rows.length === 0 ? `${empty}\n` : `${renderTable(columns, rows)}\n`);
}

/** `--json`: the value as JSON; otherwise the sentence for people. */
export function printOutcome(context: CliContext, value: unknown, sentence: string): void {
  if (context.json) return printJson(context, value);
  context.io.stdout.write(`${sentence}\n`);
}

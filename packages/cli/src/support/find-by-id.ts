import { UsageError } from './usage-error.js';

/**
 * The model with this id (or name) from a driver's listing.
 * @throws UsageError naming a few of the ids there are and the command that lists them all
 */
export function findById<T extends { readonly id: string; readonly name: string }>(what: string, id: string, models: readonly T[], lister: string): T {
  const found = models.find((model) => model.id === id) ?? models.find((model) => model.name === id);
  if (found) return found;
  const some = models.slice(0, 8).map((model) => model.id).join(', ');
  const more = models.length > 8 ? `, … (${models.length} in all)` : '';
  throw new UsageError(`no ${what} "${id}"${models.length > 0 ? `; there are: ${some}${more}` : ''}`, `see \`${lister}\``);
}

/**
 * Quotes one word for a POSIX shell: `it's` becomes `'it'\''s'`. Words made only of safe characters stay as they are,
 * so command lines remain readable in logs.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Quotes each word and joins them with spaces. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

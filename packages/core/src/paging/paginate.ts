/** Collects an async iterable into an array (what every `list*` does with its `iterate*`). */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/**
 * Iterates over pages: `fetchPage(token)` returns one page's items and the next token (undefined at the end).
 * Pages are fetched lazily, so a consumer that stops early fetches no further pages. A repeated token is treated as
 * the end, so a misbehaving server cannot make the loop spin forever.
 */
export async function* paginate<T>(
  fetchPage: (token: string | undefined) => Promise<{ readonly items: readonly T[]; readonly next?: string | undefined }>,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    yield* page.items;
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) return;
      seen.add(token);
    }
  } while (token !== undefined);
}

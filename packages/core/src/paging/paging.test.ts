import { describe, expect, it } from 'vitest';
import { collect, paginate } from './paginate.js';

describe('paginate', () => {
  it('follows next tokens lazily and stops at the end', async () => {
    const pages: Record<string, { items: number[]; next?: string }> = { start: { items: [1, 2], next: 'b' }, b: { items: [3], next: 'c' }, c: { items: [4] } };
    const asked: (string | undefined)[] = [];
    const items = paginate(async (token) => {
      asked.push(token);
      return pages[token ?? 'start']!;
    });
    const iterator = items[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe(1);
    expect(asked).toEqual([undefined]);
    expect(await collect({ [Symbol.asyncIterator]: () => iterator })).toEqual([2, 3, 4]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('ends instead of looping when a server repeats a token', async () => {
    let calls = 0;
    const items = await collect(paginate(async () => ({ items: [++calls], next: 'same' })));
    expect(items).toEqual([1, 2]);
  });
});

/**
 * Cuts a byte stream into parts of exactly `partSize` bytes (the last may be shorter; an empty stream yields one
 * empty part, so an upload of nothing is still one request). Holds at most one part in memory, plus the chunk
 * being split. A full part is copied into `allocatePart()` when given (a pool of reused buffers, so a long upload
 * allocates no memory per part), else into a new buffer; the last, short part is always a new buffer of its own
 * size, so a small object never costs a whole part's memory.
 */
export async function* cutIntoParts(source: AsyncIterable<Uint8Array>, partSize: number, allocatePart?: () => Buffer): AsyncGenerator<Buffer> {
  // Views of the source's chunks until a part is full; a producer may reuse a chunk's memory only after we yield.
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let yielded = false;
  for await (const chunk of source) {
    let offset = 0;
    while (offset < chunk.byteLength) {
      const take = Math.min(partSize - pendingSize, chunk.byteLength - offset);
      pending.push(chunk.subarray(offset, offset + take));
      pendingSize += take;
      offset += take;
      if (pendingSize === partSize) {
        yield allocatePart ? copyInto(allocatePart(), pending) : Buffer.concat(pending, pendingSize);
        yielded = true;
        pending = [];
        pendingSize = 0;
      }
    }
  }
  if (pendingSize > 0 || !yielded) yield Buffer.concat(pending, pendingSize);
}

/** What {@link uploadInParts} does with the parts of a stream. */
export interface PartUploadHandlers<T> {
  /** The stream ended within the first part (an empty stream gives one empty part): upload it in one request. */
  readonly whole: (body: Buffer) => Promise<T>;
  /** The stream has two parts or more: upload them all (read them in order, each once). */
  readonly multipart: (parts: AsyncIterable<Buffer>) => Promise<T>;
}

/**
 * Cuts `source` into parts (see {@link cutIntoParts}) and reads ahead just far enough to choose: one request for a
 * stream that fits in one part, a multipart (or segmented) upload otherwise. However the upload ends (a failure, an
 * abort, a handler that stops reading), the source is closed: a file's ReadStream is not left open.
 */
export async function uploadInParts<T>(
  source: AsyncIterable<Uint8Array>,
  partSize: number,
  handlers: PartUploadHandlers<T>,
  allocatePart?: () => Buffer,
): Promise<T> {
  const parts = cutIntoParts(source, partSize, allocatePart)[Symbol.asyncIterator]();
  try {
    const first = await parts.next();
    const firstPart = first.done ? Buffer.alloc(0) : first.value;
    const second = first.done ? first : await parts.next();
    if (second.done) return await handlers.whole(firstPart);
    async function* allParts(): AsyncGenerator<Buffer> {
      yield firstPart;
      yield second.value as Buffer;
      for (let next = await parts.next(); !next.done; next = await parts.next()) yield next.value;
    }
    return await handlers.multipart(allParts());
  } finally {
    await parts.return(undefined);
  }
}

function copyInto(target: Buffer, views: readonly Uint8Array[]): Buffer {
  let at = 0;
  for (const view of views) {
    target.set(view, at);
    at += view.byteLength;
  }
  return target;
}

/**
 * Runs `work` on each part with at most `concurrency` in flight, reading the next part only when a slot is free (so
 * memory stays at about `concurrency` parts). Results come back in part order. On the first failure the shared
 * signal aborts the others, and the first error is thrown once all have settled (so a caller's cleanup, such as
 * aborting a multipart upload, runs after the last part request).
 */
export async function forEachPart<T>(
  parts: AsyncIterable<Buffer>,
  work: (part: Buffer, index: number, signal: AbortSignal) => Promise<T>,
  options: { readonly concurrency: number; readonly signal?: AbortSignal | undefined },
): Promise<T[]> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const results: T[] = [];
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  try {
    let index = 0;
    for await (const part of parts) {
      if (failure || controller.signal.aborted) break;
      const partIndex = index++;
      const task = work(part, partIndex, controller.signal).then(
        (value) => {
          results[partIndex] = value;
        },
        (error: unknown) => {
          failure ??= { error };
          controller.abort(error);
        },
      );
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    }
  } catch (error) {
    failure ??= { error };
    controller.abort(error);
  } finally {
    await Promise.allSettled(inFlight);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure.error;
  options.signal?.throwIfAborted();
  return results;
}

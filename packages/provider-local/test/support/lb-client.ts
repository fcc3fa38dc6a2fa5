import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

/** Keep-alive connections for the load tests (50 at a time). */
export const clientAgent = new Agent({ keepAlive: true, maxSockets: 64 });

/** What `send` got back. */
export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** Options of `open` and `send`. */
export interface SendOptions {
  readonly method?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Readable | string;
  /** `false`: a connection of its own, closed after the response. Default: the shared keep-alive agent. */
  readonly agent?: Agent | false;
}

/** Sends a request and resolves with the response, its body still to read. */
export function open(url: string, options: SendOptions = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? clientAgent }, resolve);
    outgoing.on('error', reject);
    if (typeof options.body === 'string' || options.body === undefined) outgoing.end(options.body);
    else options.body.pipe(outgoing);
  });
}

/** Sends a request and reads the whole (small) response. */
export async function send(url: string, options: SendOptions = {}): Promise<Reply> {
  const response = await open(url, options);
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode ?? 0, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') };
}

/** Runs `task(0)` … `task(total - 1)`, at most `concurrency` at a time; collects results in order. */
export async function runConcurrently<T>(total: number, concurrency: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(total);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const index = next++;
      results[index] = await task(index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `condition` until it holds or `timeoutMs` passes. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

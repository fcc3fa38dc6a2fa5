import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server saw it (the body only once the handler read it). */
export interface SeenRequest {
  /** HTTP method. */
  readonly method: string;
  /** Path and query as sent. */
  readonly url: string;
  /** Request headers (lower-case names). */
  readonly headers: IncomingMessage['headers'];
  /** Milliseconds since the server started. */
  readonly at: number;
  /** Which connection (0-based, in accept order) carried it. */
  readonly connection: number;
}

/** What a handler gets for one request. */
export interface Exchange {
  /** The raw request (its body is unread). */
  readonly request: IncomingMessage;
  /** The raw response. */
  readonly response: ServerResponse;
  /** 0-based index of the request on this server. */
  readonly index: number;
  /** The request as recorded. */
  readonly seen: SeenRequest;
  /** Reads the whole request body (once; later calls return the same bytes). */
  body(): Promise<Buffer>;
}

/** Decides what the server does with one request: answer, stall, truncate, reset… */
export type MisbehaviourHandler = (exchange: Exchange) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 that misbehaves on purpose, bounded in requests. */
export interface MisbehavingServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The port. */
  readonly port: number;
  /** Every request received, in order (empty with `keepRequests: false`). */
  readonly requests: SeenRequest[];
  /** How many requests arrived. */
  received(): number;
  /** Connections accepted so far. */
  connections(): number;
  /** Connections open right now. */
  openConnections(): number;
  /** The most connections that were open at once. */
  peakOpenConnections(): number;
  /** Requests refused because the budget was used up (a test asserts this stays 0). */
  overBudget(): number;
  /** Destroys every socket and stops listening. */
  close(): Promise<void>;
}

/** Settings of {@link startMisbehavingServer}. */
export interface MisbehavingServerOptions {
  /** Most requests the server serves; later ones get 410 and are counted in `overBudget()`. Default 100. */
  readonly maxRequests?: number | undefined;
  /** Host to listen on. Default 127.0.0.1. */
  readonly host?: string | undefined;
  /** Keep every request in `requests` (default true); load tests turn it off so the server's memory stays flat. */
  readonly keepRequests?: boolean | undefined;
  /** How long an idle keep-alive connection stays open, in ms (clients are told this minus a margin). Default 30 000. */
  readonly keepAliveTimeoutMs?: number | undefined;
}

/**
 * Starts a server whose handler decides, request by request, how to misbehave. Handler failures destroy the
 * socket (so a broken test shows up as a reset, never as a hang); requests past the budget are answered 410.
 */
export async function startMisbehavingServer(handler: MisbehaviourHandler, options: MisbehavingServerOptions = {}): Promise<MisbehavingServer> {
  const maxRequests = options.maxRequests ?? 100;
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  let accepted = 0;
  let refused = 0;
  let received = 0;
  let peak = 0;
  const started = performance.now();
  const server: Server = createServer((request, response) => {
    const index = received++;
    const seen: SeenRequest = {
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
      at: performance.now() - started,
      connection: connectionIds.get(request.socket) ?? -1,
    };
    if (options.keepRequests !== false) requests.push(seen);
    if (index >= maxRequests) {
      refused++;
      response.writeHead(410, { 'content-type': 'text/plain' }).end('request budget used up');
      return;
    }
    let read: Promise<Buffer> | undefined;
    const body = () => (read ??= readBody(request));
    Promise.resolve(handler({ request, response, index, seen, body })).catch(() => request.socket.destroy());
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 30_000;
  server.on('connection', (socket) => {
    connectionIds.set(socket, accepted++);
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    requests,
    received: () => received,
    connections: () => accepted,
    openConnections: () => sockets.size,
    peakOpenConnections: () => peak,
    overBudget: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads a request body to the end. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Answers with a status, headers and a body. */
export function answer(response: ServerResponse, status: number, body: string | Uint8Array = '', headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain', ...headers });
  response.end(body);
}

/** Closes the connection with a TCP RST, before or after some bytes were written. */
export function resetConnection(response: ServerResponse): void {
  const socket = response.socket ?? response.req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

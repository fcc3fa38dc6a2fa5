import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { Agent, type Dispatcher } from 'undici';

/** A request as a fixture route sees it. */
export interface FixtureRequest {
  readonly method: string;
  /** Path without the query. */
  readonly path: string;
  /** Query parameters merged with form-encoded body parameters (AWS Query APIs post their parameters). */
  readonly params: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The body's exact bytes. */
  readonly bytes: Buffer;
}

/** How to answer: a fixture file (relative to the server's folder) or a literal body. */
export interface FixtureAnswer {
  readonly status?: number;
  readonly file?: string;
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Picks the answer for a request; undefined means "no fixture" (answered 501, so a missing route is obvious). */
export type FixtureRoute = (request: FixtureRequest) => FixtureAnswer | undefined;

/** A running fixture server. */
export interface FixtureServer {
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: FixtureRequest[];
  /** A dispatcher that sends requests for any origin to this server (so drivers keep their real URLs). */
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = { xml: 'text/xml', json: 'application/json', txt: 'text/plain' };

/** Starts a server on 127.0.0.1 answering from files under `folder`. */
export async function startFixtureServer(folder: string, route: FixtureRoute): Promise<FixtureServer> {
  const requests: FixtureRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://fixture');
      const bytes = Buffer.concat(chunks);
      const body = bytes.toString('utf8');
      const params = new URLSearchParams(url.search);
      if (String(incoming.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
      }
      const request: FixtureRequest = { method: incoming.method ?? 'GET', path: url.pathname, params, headers: incoming.headers, body, bytes };
      requests.push(request);
      const answer = route(request);
      if (!answer) {
        response.writeHead(501, { 'content-type': 'text/plain' });
        response.end(`no fixture for ${request.method} ${request.path} ${params.toString()}`);
        return;
      }
      const extension = answer.file?.split('.').pop() ?? 'txt';
      const payload = answer.file ? readFileSync(join(folder, answer.file)) : Buffer.from(answer.body ?? '');
      response.writeHead(answer.status ?? 200, { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream', ...answer.headers });
      response.end(payload);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent();
  const dispatcher = agent.compose((dispatch) => (options, handler) => dispatch({ ...options, origin: url }, handler));
  return {
    url,
    requests,
    dispatcher,
    close: async () => {
      await agent.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

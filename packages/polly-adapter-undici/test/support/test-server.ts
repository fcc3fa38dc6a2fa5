import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A real HTTP server on 127.0.0.1 with the routes the tests use, counting its connections. */
export interface TestServer {
  readonly origin: string;
  readonly binary: Buffer;
  readonly gzipped: Buffer;
  /** Connections accepted so far. */
  connections: number;
  /** Requests received so far, as `METHOD /path`. */
  readonly received: string[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

export async function startTestServer(): Promise<TestServer> {
  const binary = randomBytes(64 * 1024);
  const gzipped = gzipSync(Buffer.from('hello, compressed world '.repeat(50)));
  let counter = 0;
  const state = { connections: 0, received: [] as string[] };
  const server: Server = createServer(async (request, response) => {
    // A client that aborts resets its socket; that is the point of the abort tests, not a failure of the server.
    request.on('error', () => undefined);
    const body = await readBody(request).catch(() => Buffer.alloc(0));
    const url = new URL(request.url ?? '/', 'http://localhost');
    state.received.push(`${request.method} ${url.pathname}`);
    counter++;
    switch (url.pathname) {
      case '/json':
        return json(response, 200, { hello: 'world', n: 1 }, { 'x-served-by': 'test', 'set-cookie': 'session=abc123secretcookie; Path=/' });
      case '/binary':
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': binary.length });
        return response.end(binary);
      case '/gzip':
        response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip', 'content-length': gzipped.length });
        return response.end(gzipped);
      case '/empty':
        response.writeHead(200, { 'content-length': '0' });
        return response.end();
      case '/no-content':
        response.writeHead(204);
        return response.end();
      case '/not-modified':
        response.writeHead(304, { etag: '"v1"' });
        return response.end();
      case '/echo':
        return json(response, 200, { method: request.method, query: url.search, body: body.toString('utf8'), counter });
      case '/tokens':
        return json(response, 200, { access: { token: { id: 'tok-keystone-7f3a9c2e51', expires: '2999-01-01T00:00:00Z' } } }, {
          'x-subject-token': 'tok-subject-0b1c2d3e4f',
          'x-storage-token': 'tok-storage-9a8b7c6d5e',
        });
      case '/fail':
        return json(response, 503, { error: 'try later' });
      case '/slow':
        return setTimeout(() => json(response, 200, { late: true }), 5_000).unref();
      default:
        return json(response, 404, { error: 'no route' });
    }
  });
  server.on('connection', (socket) => {
    state.connections++;
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    binary,
    gzipped,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

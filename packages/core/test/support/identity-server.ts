import type { ServerResponse } from 'node:http';
import { reply, startLocalServer, type LocalServer, type SeenRequest } from './local-server.js';

/** A handler for the n-th request (0-based) of one kind: identity exchanges or API calls, counted separately. */
export type RoutedHandler = (request: SeenRequest, response: ServerResponse, index: number) => void | Promise<void>;

/** One local server playing both the identity service (paths under `/identity/`) and the API (all other paths). */
export interface IdentityServer {
  /** Base URL of the server. */
  readonly url: string;
  /** Base URL of the identity service, e.g. `http://127.0.0.1:1234/identity/v2.0`. */
  readonly authUrl: string;
  /** Identity requests seen, in order. */
  identityRequests(): SeenRequest[];
  /** API requests seen, in order. */
  apiRequests(): SeenRequest[];
  /** The underlying server (all requests, in arrival order). */
  readonly server: LocalServer;
  close(): Promise<void>;
}

/**
 * Starts the server. `authPath` is appended to `/identity` to form {@link IdentityServer.authUrl}.
 * The API handler defaults to `200 ok`.
 */
export async function startIdentityServer(handlers: { identity: RoutedHandler; api?: RoutedHandler }, authPath = '/v2.0'): Promise<IdentityServer> {
  const counts = { identity: 0, api: 0 };
  const isIdentity = (request: SeenRequest) => request.url.startsWith('/identity/');
  const server = await startLocalServer((request, response) => {
    if (isIdentity(request)) return handlers.identity(request, response, counts.identity++);
    const api = handlers.api ?? ((_request: SeenRequest, answer: ServerResponse) => reply(answer, 200, 'ok'));
    return api(request, response, counts.api++);
  });
  return {
    url: server.url,
    authUrl: `${server.url}/identity${authPath}`,
    identityRequests: () => server.requests.filter(isIdentity),
    apiRequests: () => server.requests.filter((request) => !isIdentity(request)),
    server,
    close: () => server.close(),
  };
}

/** Answers with a JSON body (a value, or text already serialised). */
export function replyJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  reply(response, status, typeof body === 'string' ? body : JSON.stringify(body), { 'content-type': 'application/json', ...headers });
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { IMAGES, REGIONS, SIZES, droplet, fingerprintOf, initialDroplets, initialKeys, type Json } from './ocean-api-data.js';

/** The token the local API accepts. */
export const TEST_TOKEN = 'ocean-test-token-not-a-secret';

/** A request as the server saw it. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** An answer: status, JSON (or raw text) body, headers. */
export interface ApiAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A per-test hook answering instead of the API (error cases); undefined lets the API answer. */
export type ApiOverride = (request: ApiRequest) => ApiAnswer | undefined;

/** A running local Ocean API. */
export interface OceanApiServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** A dispatcher sending requests for ANY origin here, so drivers keep their real URLs (recording). */
  readonly dispatcher: Dispatcher;
  /** Back to the initial account; `maxPerPage` caps page sizes (default 200, as the real API). */
  reset(options?: { readonly maxPerPage?: number; readonly override?: ApiOverride | undefined }): void;
  close(): Promise<void>;
}

const error = (status: number, id: string, message: string): ApiAnswer => ({ status, json: { id, message, request_id: `req-${id}` } });
const NOT_FOUND = error(404, 'not_found', 'The resource you were accessing could not be found.');

function page(request: ApiRequest, key: string, items: readonly Json[], origin: string, maxPerPage: number): ApiAnswer {
  const perPage = Math.min(Number(request.query.get('per_page') ?? 20) || 20, maxPerPage);
  const number = Number(request.query.get('page') ?? 1) || 1;
  const slice = items.slice((number - 1) * perPage, number * perPage);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number) => `${origin}${request.path}?page=${n}&per_page=${perPage}`;
  const pages = number < last ? { next: link(number + 1), last: link(last) } : {};
  return { status: 200, json: { [key]: slice, links: { pages }, meta: { total: items.length } } };
}

/** Starts the local Ocean API on 127.0.0.1 (a random port), with the initial account. */
export async function startOceanApi(): Promise<OceanApiServer> {
  let droplets: Json[] = [];
  let keys: Json[] = [];
  let nextId = 0;
  let maxPerPage = 200;
  let override: ApiOverride | undefined;
  const reset: OceanApiServer['reset'] = (options = {}) => {
    droplets = initialDroplets();
    keys = initialKeys();
    nextId = 3170000;
    maxPerPage = options.maxPerPage ?? 200;
    override = options.override;
  };
  reset();

  function answer(request: ApiRequest, origin: string): ApiAnswer {
    if (request.headers.authorization !== `Bearer ${TEST_TOKEN}`) return error(401, 'unauthorized', 'Unable to authenticate you');
    const body = (request.body ? JSON.parse(request.body) : {}) as Json;
    const [, version, collection, id, sub] = request.path.split('/').map(decodeURIComponent);
    if (version !== 'v2') return NOT_FOUND;
    const route = `${request.method} ${collection}${id === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}`;
    const found = droplets.find((candidate) => String(candidate.id) === id);
    const key = keys.find((candidate) => String(candidate.id) === sub || candidate.fingerprint === sub);
    switch (route) {
      case 'GET regions': return page(request, 'regions', REGIONS, origin, maxPerPage);
      case 'GET sizes': return page(request, 'sizes', SIZES, origin, maxPerPage);
      case 'GET images': return page(request, 'images', IMAGES.filter((image) => request.query.get('type') !== 'application'), origin, maxPerPage);
      case 'GET droplets': return page(request, 'droplets', droplets, origin, maxPerPage);
      case 'GET droplets/:id': return found ? { status: 200, json: { droplet: found } } : NOT_FOUND;
      case 'DELETE droplets/:id':
        if (!found) return NOT_FOUND;
        droplets = droplets.filter((candidate) => candidate !== found);
        return { status: 204 };
      case 'POST droplets/:id/actions': {
        if (!found) return NOT_FOUND;
        if (!['reboot', 'power_on', 'power_off'].includes(String(body.type))) return error(422, 'unprocessable_entity', `${String(body.type)} is not a valid action`);
        return { status: 201, json: { action: { id: 36804636, status: 'in-progress', type: body.type, resource_id: found.id, resource_type: 'droplet', region_slug: (found.region as Json).slug } } };
      }
      case 'POST droplets': {
        const missing = ['name', 'region', 'size', 'image'].filter((field) => body[field] === undefined || body[field] === '');
        if (missing.length > 0) return error(422, 'unprocessable_entity', `${missing.join(', ')} is required`);
        if (!REGIONS.some((region) => region.slug === body.region)) return error(422, 'unprocessable_entity', 'Region is not available');
        const fingerprints = (body.ssh_keys as unknown[] | undefined) ?? [];
        if (!fingerprints.every((wanted) => keys.some((candidate) => candidate.fingerprint === wanted || candidate.id === wanted))) return error(422, 'unprocessable_entity', 'SSH key not found');
        const created = droplet(++nextId, String(body.name), 'new', { region: String(body.region), size: String(body.size), image: String(body.image), tags: (body.tags as string[]) ?? [] });
        droplets.push(created);
        return { status: 202, json: { droplet: created, links: { actions: [{ id: 36805096, rel: 'create', href: `${origin}/v2/actions/36805096` }] } } };
      }
      case 'GET account/:id': return id === 'keys' ? page(request, 'ssh_keys', keys, origin, maxPerPage) : NOT_FOUND;
      case 'POST account/:id': {
        if (id !== 'keys') return NOT_FOUND;
        const fingerprint = fingerprintOf(String(body.public_key ?? ''));
        if (keys.some((candidate) => candidate.fingerprint === fingerprint)) return error(422, 'unprocessable_entity', 'SSH Key is already in use on your account');
        const created = { id: 512190 + keys.length, fingerprint, public_key: body.public_key, name: body.name };
        keys.push(created);
        return { status: 201, json: { ssh_key: created } };
      }
      default:
        if (id === 'keys' && sub !== undefined && request.method === 'GET') return key ? { status: 200, json: { ssh_key: key } } : NOT_FOUND;
        if (id === 'keys' && sub !== undefined && request.method === 'DELETE') {
          if (!key) return NOT_FOUND;
          keys = keys.filter((candidate) => candidate !== key);
          return { status: 204 };
        }
        return NOT_FOUND;
    }
  }

  const sockets = new Set<Socket>();
  const server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const origin = `http://${incoming.headers.host ?? '127.0.0.1'}`;
      const url = new URL(incoming.url ?? '/', origin);
      const request: ApiRequest = { method: incoming.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') };
      const result = override?.(request) ?? answer(request, origin);
      const payload = result.text ?? (result.json === undefined ? '' : JSON.stringify(result.json));
      const type = result.json === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' };
      response.writeHead(result.status, { ...type, 'x-request-id': `local-${result.status}`, ...result.headers });
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
  return {
    url,
    dispatcher: agent.compose((dispatch) => (options, handler) => dispatch({ ...options, origin: url }, handler)),
    reset,
    close: async () => {
      await agent.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

import { createHash } from 'node:crypto';
import { answer, startMisbehavingServer, type Exchange, type MisbehavingServer, type MisbehavingServerOptions } from './misbehaving-server.js';

/** What a {@link FakeSwift} holds: objects by `container/name`, and the tokens it has issued. */
export interface FakeSwiftState {
  /** Objects by `container/name`: their bytes and the ETag served for them. */
  readonly objects: Map<string, { readonly bytes: Buffer; readonly etag: string }>;
  /** Tokens handed out by `/auth/v1.0`, in order. */
  readonly issued: string[];
  /** The tokens accepted right now. */
  readonly valid: Set<string>;
}

/** A tiny Swift (tempauth v1.0 + objects, SLO manifests summarised) that a test can make misbehave. */
export interface FakeSwift extends MisbehavingServer, FakeSwiftState {
  /** The v1.0 auth URL. */
  readonly authUrl: string;
  /** How many credential exchanges the server answered. */
  auths(): number;
  /** Makes every token issued so far invalid (the next request with one gets 401). */
  expireTokens(): void;
}

/** A Swift request split into container, object and query. */
export interface SwiftCall extends Exchange {
  /** The container (decoded), or `''` for the account. */
  readonly container: string;
  /** The object name (decoded), or `''` for the container. */
  readonly object: string;
  /** The query parameters. */
  readonly query: URLSearchParams;
  /** The token the request carried. */
  readonly token: string;
}

/** Serves a request itself (returns true) or leaves it to the fake's normal behaviour (returns false). */
export type SwiftMisbehaviour = (call: SwiftCall, state: FakeSwiftState) => boolean | Promise<boolean>;

/** The credentials the fake accepts. */
export const FAKE_SWIFT_USER = 'test:tester';
/** The key the fake accepts. */
export const FAKE_SWIFT_KEY = 'fake-swift-key-5c1e';

const ACCOUNT = '/v1/AUTH_test';
const md5 = (bytes: Uint8Array | string) => createHash('md5').update(bytes).digest('hex');

async function serve(call: SwiftCall, state: FakeSwiftState): Promise<void> {
  const { method } = call.request;
  const id = `${call.container}/${call.object}`;
  const json = { 'content-type': 'application/json; charset=utf-8', 'x-trans-id': 'txfake' };
  if (call.container === '') return answer(call.response, 200, '[]', json);
  if (call.object === '') {
    if (method === 'GET') {
      const names = [...state.objects.keys()].filter((key) => key.startsWith(`${call.container}/`));
      const listing = names.map((key) => ({ name: key.slice(call.container.length + 1), bytes: state.objects.get(key)?.bytes.length, hash: state.objects.get(key)?.etag, content_type: 'application/octet-stream', last_modified: '2011-01-25T22:01:50.351810' }));
      return answer(call.response, 200, call.query.get('limit') === '0' ? '' : JSON.stringify(listing), { ...json, 'x-container-object-count': String(names.length), 'x-container-bytes-used': '0' });
    }
    await call.body();
    return answer(call.response, method === 'PUT' ? 201 : 204);
  }
  if (method === 'PUT') {
    const bytes = await call.body();
    const manifest = call.query.get('multipart-manifest') === 'put';
    const etag = manifest ? md5((JSON.parse(bytes.toString('utf8')) as { etag: string }[]).map((segment) => segment.etag).join('')) : md5(bytes);
    state.objects.set(id, { bytes, etag });
    return answer(call.response, 201, '', { etag: manifest ? `"${etag}"` : etag, 'last-modified': 'Tue, 25 Jan 2011 22:01:50 GMT' });
  }
  if (method === 'DELETE') {
    const existed = state.objects.delete(id);
    return answer(call.response, existed ? 204 : 404);
  }
  const object = state.objects.get(id);
  if (!object) return answer(call.response, 404, '<html><h1>Not Found</h1></html>', { 'content-type': 'text/html' });
  const headers = { etag: object.etag, 'content-type': 'application/octet-stream', 'last-modified': 'Tue, 25 Jan 2011 22:01:50 GMT', 'x-trans-id': 'txfake' };
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(call.request.headers.range ?? ''));
  if (range && object.bytes.length === 0) return answer(call.response, 416);
  if (range) {
    const start = Number(range[1]);
    const end = range[2] === '' ? object.bytes.length - 1 : Math.min(Number(range[2]), object.bytes.length - 1);
    const slice = object.bytes.subarray(start, end + 1);
    call.response.writeHead(206, { ...headers, 'content-length': String(slice.length), 'content-range': `bytes ${start}-${end}/${object.bytes.length}` });
    call.response.end(slice);
    return;
  }
  call.response.writeHead(200, { ...headers, 'content-length': String(object.bytes.length) });
  call.response.end(method === 'HEAD' ? undefined : object.bytes);
}

/**
 * Starts a fake Swift on 127.0.0.1 with tempauth at `/auth/v1.0` (user {@link FAKE_SWIFT_USER}, key
 * {@link FAKE_SWIFT_KEY}) handing out numbered tokens. Requests with a token it did not issue, or one that was
 * expired with `expireTokens()`, get 401. Each authenticated request first goes to `misbehave`.
 */
export async function startFakeSwift(misbehave: SwiftMisbehaviour = () => false, options: MisbehavingServerOptions = {}): Promise<FakeSwift> {
  const state: FakeSwiftState = { objects: new Map(), issued: [], valid: new Set() };
  let url = '';
  const server = await startMisbehavingServer(async (exchange) => {
    const { request, response } = exchange;
    const path = new URL(request.url ?? '/', 'http://fake');
    if (path.pathname === '/auth/v1.0') {
      if (request.headers['x-auth-user'] !== FAKE_SWIFT_USER || request.headers['x-auth-key'] !== FAKE_SWIFT_KEY) return answer(response, 401, 'Unauthorized');
      const token = `AUTH_tk${String(state.issued.length + 1).padStart(4, '0')}fake`;
      state.issued.push(token);
      state.valid.add(token);
      return answer(response, 200, '', { 'x-auth-token': token, 'x-storage-token': token, 'x-storage-url': `${url}${ACCOUNT}` });
    }
    const token = String(request.headers['x-auth-token'] ?? '');
    if (!state.valid.has(token)) return answer(response, 401, '<html><h1>Unauthorized</h1><p>This server could not verify that you are authorized.</p></html>', { 'content-type': 'text/html' });
    const [container = '', ...rest] = path.pathname.slice(ACCOUNT.length + 1).split('/');
    const call: SwiftCall = { ...exchange, container: decodeURIComponent(container), object: decodeURIComponent(rest.join('/')), query: path.searchParams, token };
    if (await misbehave(call, state)) return;
    await serve(call, state);
  }, options);
  url = server.url;
  return Object.assign(server, state, {
    authUrl: `${server.url}/auth/v1.0`,
    auths: () => state.issued.length,
    expireTokens: () => state.valid.clear(),
  });
}

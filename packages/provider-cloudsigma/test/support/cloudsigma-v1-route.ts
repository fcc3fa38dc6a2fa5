import { readFileSync } from 'node:fs';
import { libcloudFixtures, type FixtureAnswer, type FixtureRoute, type Overrides } from '@multicloud/fixture-server';
import { routeKey } from './route-key.js';

/** The Libcloud fixture folder of API 1.0. */
export const V1_FIXTURES = 'compute/fixtures/cloudsigma';
/** A server uuid the recorded API 1.0 answers 404 for. */
export const MISSING_V1_SERVER_ID = '00000000-0000-4000-8000-000000000001';

const WORDS = new Set(['servers', 'drives', 'resources', 'ip', 'info', 'standard', 'create', 'clone', 'start', 'stop', 'destroy', 'set', 'list']);
const TEXT = { 'content-type': 'text/plain' };

/** Servers the route has seen stopped (a stop answers `status stopped` on the next info, a start undoes it). Reset per test. */
export const stoppedV1Servers = new Set<string>();

/** API 1.0 answers by route key, from Libcloud's `cloudsigma` files (derived ones say so). */
function defaults(key: string, ids: string[]): FixtureAnswer | undefined {
  const [id = ''] = ids;
  switch (key) {
    case 'GET /servers/info': return { file: 'servers_info.txt' };
    case 'GET /servers/{id}/info': {
      // Derived: CloudSigma 1.0's plain-text error line for a missing server (Libcloud has no such file).
      if (id === MISSING_V1_SERVER_ID) return { status: 404, body: `errors Server ${id} not found\n`, headers: TEXT };
      const text = readFileSync(`${libcloudFixtures(V1_FIXTURES)}servers_info.txt`, 'utf8');
      // Derived: servers_info.txt with the status a stop before it would have produced.
      return stoppedV1Servers.has(id) ? { body: text.replace('status active', 'status stopped'), headers: TEXT } : { file: 'servers_info.txt' };
    }
    case 'POST /servers/create': return { file: 'servers_create.txt' };
    case 'POST /servers/{id}/set': return { file: 'servers_set.txt' };
    case 'POST /servers/{id}/start': stoppedV1Servers.delete(id); return { status: 200, body: '' };
    case 'POST /servers/{id}/stop': stoppedV1Servers.add(id); return { status: 204, body: '' };
    case 'POST /servers/{id}/destroy': return { status: 204, body: '' };
    case 'GET /drives/standard/info': return { file: 'drives_standard_info.txt' };
    case 'GET /drives/info': return { file: 'drives_info.txt' };
    case 'GET /drives/{id}/info': return { file: 'drives_single_info.txt' };
    case 'POST /drives/{id}/clone': return { file: 'drives_clone.txt' };
    case 'POST /drives/{id}/destroy': return { status: 204, body: '' };
    case 'GET /resources/ip/list': return { file: 'resources_ip_list.txt' };
    case 'GET /resources/ip/create': return { file: 'resources_ip_create.txt' };
    case 'GET /resources/ip/{id}/destroy': return { status: 204, body: '' };
    default: return undefined;
  }
}

/** The API 1.0 route: a per-test override for the request's key, else the defaults. */
export function cloudSigmaV1Route(overrides: Overrides): FixtureRoute {
  return (request) => {
    const { key, ids } = routeKey(request, '', WORDS);
    const override = overrides[key];
    if (typeof override === 'function') return override(request);
    return override ?? defaults(key, ids);
  };
}

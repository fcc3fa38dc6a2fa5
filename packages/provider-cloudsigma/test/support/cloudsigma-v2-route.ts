import { readFileSync } from 'node:fs';
import { libcloudFixtures, type FixtureAnswer, type FixtureRoute, type Overrides } from '@multicloud/fixture-server';
import { routeKey } from './route-key.js';

/** The Libcloud fixture folder of API 2.0. */
export const V2_FIXTURES = 'compute/fixtures/cloudsigma_2_0';
/** A server uuid the recorded API 2.0 answers "does not exist" for. */
export const MISSING_SERVER_ID = '00000000-0000-4000-8000-000000000000';
/** API 2.0's error body for a missing object (CloudSigma's documented error shape; Libcloud has no such file). */
export const NOT_EXIST_BODY = JSON.stringify([{ error_point: null, error_type: 'notexist', error_message: `Object with uuid ${MISSING_SERVER_ID} does not exist` }]);

const WORDS = new Set(['servers', 'drives', 'libdrives', 'keypairs', 'detail', 'action', 'capabilities', 'balance']);
const fixture = (file: string): string => readFileSync(`${libcloudFixtures(V2_FIXTURES)}${file}`, 'utf8');
const json = (value: unknown, status = 200): FixtureAnswer => ({ status, body: JSON.stringify(value, null, 4), headers: { 'content-type': 'application/json' } });

/**
 * `servers_get.json`, derived: its VNC password is literally `vnc_password`, the key's own name, and the recording
 * scrubber, which sweeps a removed secret from everything recorded after it, would then rename that key in later
 * bodies. The value is made unique here; the scrubber still records it as `[REDACTED]`.
 */
export function serverGetFixture(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...(JSON.parse(fixture('servers_get.json')) as Record<string, unknown>), vnc_password: 'vnc-pass-3df825cb', ...changes };
}

/** Servers the route has seen stopped (a stop answers `stopped` on the next GET, a start undoes it). Reset per test. */
export const stoppedServers = new Set<string>();

/** API 2.0 answers by route key, from Libcloud's `cloudsigma_2_0` files (derived ones say so). */
function defaults(key: string, ids: string[], body: string): FixtureAnswer | undefined {
  const [id = ''] = ids;
  switch (key) {
    case 'GET /servers/detail/': return { file: 'servers_detail_mixed_state.json' };
    case 'GET /servers/{id}/':
      if (id === MISSING_SERVER_ID) return { status: 404, body: NOT_EXIST_BODY, headers: { 'content-type': 'application/json' } };
      // Derived: servers_get.json (see serverGetFixture) with the status a stop (or start) before it would have produced.
      return json(serverGetFixture(stoppedServers.has(id) ? { status: 'stopped' } : {}));
    // As Libcloud's mock: a server named with 'vlan' gets the answer with the second (VLAN) NIC.
    case 'POST /servers/': return { status: 201, file: (JSON.parse(body) as { name?: string }).name?.includes('vlan') ? 'servers_create_with_vlan.json' : 'servers_create.json' };
    case 'PUT /servers/{id}/': return { file: 'servers_attach_policy.json' };
    case 'DELETE /servers/{id}/': return { status: 204, body: '' };
    case 'POST /servers/{id}/action/?do=start': stoppedServers.delete(id); return { status: 202, file: 'start_success.json' };
    case 'POST /servers/{id}/action/?do=stop': stoppedServers.add(id); return { status: 202, file: 'stop_success.json' };
    case 'POST /servers/{id}/action/?do=open_vnc': return { status: 202, file: 'servers_open_vnc.json' };
    case 'POST /servers/{id}/action/?do=close_vnc': return { status: 202, file: 'servers_close_vnc.json' };
    case 'GET /libdrives/': return { file: 'libdrives.json' };
    case 'GET /drives/detail/': return { file: 'drives_detail.json' };
    case 'GET /drives/{id}/': {
      // Derived: a drive listed in drives_detail.json answers with its own object there; others with drives_get.json.
      const listed = (JSON.parse(fixture('drives_detail.json')) as { objects: { uuid: string }[] }).objects.find((drive) => drive.uuid === id);
      return listed ? json(listed) : { file: 'drives_get.json' };
    }
    case 'POST /drives/': return { status: 201, file: 'drives_create.json' };
    case 'DELETE /drives/{id}/': return { status: 204, body: '' };
    case 'POST /drives/{id}/action/?do=clone': return { status: 202, file: 'drives_clone.json' };
    case 'POST /drives/{id}/action/?do=resize': return { status: 202, file: 'drives_resize.json' };
    case 'GET /keypairs/detail/': return { file: 'keypairs_list.json' };
    case 'POST /keypairs/':
      // Derived for generation: keypairs_get.json (a pair CloudSigma generated, private key included) as a bulk answer.
      return body.includes('public_key') ? { status: 201, file: 'keypairs_import.json' } : json({ objects: [JSON.parse(fixture('keypairs_get.json'))] }, 201);
    case 'DELETE /keypairs/{id}/': return { status: 204, body: '' };
    default: return undefined;
  }
}

/** The API 2.0 route: a per-test override for the request's key, else the defaults. */
export function cloudSigmaV2Route(overrides: Overrides): FixtureRoute {
  return (request) => {
    const { key, ids } = routeKey(request, '/api/2.0', WORDS);
    const override = overrides[key];
    if (typeof override === 'function') return override(request);
    return override ?? defaults(key, ids, request.body);
  };
}

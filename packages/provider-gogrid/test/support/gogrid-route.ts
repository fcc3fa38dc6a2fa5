import type { FixtureAnswer, FixtureRequest, FixtureRoute, Overrides } from '@multicloud/fixture-server';

/** The credentials of every GoGrid test: made up, never real ones. */
export const TEST_CREDENTIALS = { apiKey: 'gogrid-test-key', sharedSecret: 'gogrid-test-secret' } as const;

/** An id GoGrid answers "no object found" for, in both APIs. */
export const MISSING_ID = '404404';

/** The API method of a request: `/api/grid/server/list` → `grid/server/list`. */
export function goGridMethod(path: string): string {
  return path.replace(/^\/api\//, '');
}

/**
 * GoGrid's answer to a get of something that does not exist (HTTP 400, `IllegalArgumentException`), written in
 * GoGrid's documented error format; Libcloud has no file for it.
 */
export function notFoundBody(method: string): string {
  return JSON.stringify({
    list: [{ object: 'error', message: 'No object found that matches your input criteria.', errorcode: 'IllegalArgumentException' }],
    summary: { total: 1, start: 0, returned: 1 },
    status: 'failure',
    method: `/${method}`,
  });
}

/** A GoGrid failure body with one error object, in GoGrid's documented format. */
export function failureBody(method: string, message: string, errorcode = 'IllegalArgumentException'): string {
  return JSON.stringify({ list: [{ object: 'error', message, errorcode }], summary: { total: 1, start: 0, returned: 1 }, status: 'failure', method: `/${method}` });
}

/** A successful GoGrid answer with the given objects. */
export function successBody(method: string, list: readonly unknown[]): string {
  return JSON.stringify({ list, method: `/${method}`, status: 'success', summary: { numpages: 0, returned: list.length, start: 0, total: list.length } });
}

/**
 * Libcloud's file for an API method: the path after `/api/<group>/` with `/` → `_` (`grid/server/list` →
 * `server_list.json`); lookups add the lookup name (`common/lookup/list?lookup=ip.datacenter` →
 * `lookup_list_ip_datacenter.json`).
 */
export function libcloudFile(method: string, params: URLSearchParams): string {
  const name = method.split('/').slice(1).join('_');
  const lookup = params.get('lookup');
  return lookup === null ? `${name}.json` : `${name}_${lookup.replace(/\./g, '_')}.json`;
}

type Answer = FixtureAnswer | ((request: FixtureRequest) => FixtureAnswer | undefined);

/** A route for the GoGrid API: per-test overrides, then the API's defaults, then Libcloud's file for the method. */
export function goGridRoute(defaults: Readonly<Record<string, Answer>>, overrides: Overrides): FixtureRoute {
  return (request) => {
    const method = goGridMethod(request.path);
    const answer = overrides[method] ?? defaults[method];
    const resolved = typeof answer === 'function' ? answer(request) : answer;
    return resolved ?? { file: libcloudFile(method, request.params) };
  };
}

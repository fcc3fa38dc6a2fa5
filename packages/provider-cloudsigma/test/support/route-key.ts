import type { FixtureRequest } from '@multicloud/fixture-server';

/**
 * The route key of a request: method and path with ids replaced by `{id}`, plus `?do=<action>` for API 2.0
 * actions, e.g. `GET /servers/{id}/`, `POST /drives/{id}/action/?do=clone`, `POST /servers/{id}/stop`. Path
 * segments that are not in `words` are ids. `prefix` (e.g. `/api/2.0`) is cut first.
 */
export function routeKey(request: FixtureRequest, prefix: string, words: ReadonlySet<string>): { key: string; ids: string[] } {
  const path = request.path.startsWith(prefix) ? request.path.slice(prefix.length) : request.path;
  const ids: string[] = [];
  const shape = path.split('/').map((segment) => {
    if (segment === '' || words.has(segment)) return segment;
    ids.push(decodeURIComponent(segment));
    return '{id}';
  }).join('/');
  const action = request.params.get('do');
  return { key: `${request.method} ${shape}${action ? `?do=${action}` : ''}`, ids };
}

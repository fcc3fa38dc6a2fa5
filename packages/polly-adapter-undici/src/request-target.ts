import { stringify } from 'node:querystring';
import type { Dispatcher } from 'undici';
import { errors } from 'undici';

/** The absolute URL of a dispatch: `origin` plus `path`, with `query` appended the way undici does it. */
export function requestUrl(options: Dispatcher.DispatchOptions): string {
  if (!options.origin) throw new errors.InvalidArgumentError('the Polly dispatcher needs an absolute `origin` on every request');
  const origin = (typeof options.origin === 'string' ? new URL(options.origin) : options.origin).origin;
  return `${origin}${requestPath(options)}`;
}

/** `path` with `query` appended (undici's `serializePathWithQuery`). */
export function requestPath(options: Dispatcher.DispatchOptions): string {
  const path = options.path.startsWith('/') ? options.path : `/${options.path}`;
  const query = options.query ? stringify(options.query) : '';
  return query ? `${path}?${query}` : path;
}

/** Splits an absolute URL into undici's `origin` and `path` without normalising the path. */
export function splitUrl(url: string): { origin: string; path: string } {
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)([^#]*)/i.exec(url);
  if (!match) throw new errors.InvalidArgumentError(`not an absolute URL: ${url}`);
  const path = match[2] ?? '';
  return { origin: match[1] as string, path: path === '' ? '/' : path.startsWith('?') ? `/${path}` : path };
}

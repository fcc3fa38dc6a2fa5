import { ValidationError } from '../errors/errors.js';

/**
 * Checks an `endpoint` (or `authUrl`) setting and returns it without a trailing slash, so paths can be appended.
 * @param value - the setting as given
 * @param argument - the setting's name for the error message
 * @throws ValidationError when it is not an absolute http(s) URL without query or fragment
 */
export function parseEndpoint(value: string | URL, argument = 'endpoint'): string {
  const text = String(value).trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(argument, `"${text}" is not an absolute URL (expected e.g. https://host:port/path)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ValidationError(argument, `must use http or https, got ${url.protocol.slice(0, -1)}`);
  }
  if (url.username || url.password) throw new ValidationError(argument, 'must not contain credentials; use the credential settings');
  if (url.search || url.hash) throw new ValidationError(argument, 'must not contain a query or fragment');
  return url.href.replace(/\/+$/, '');
}

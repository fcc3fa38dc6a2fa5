/** What redacted values are replaced with. */
export const REDACTED = '[REDACTED]';

/** Headers whose values are secrets (lower case). */
const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'x-auth-token', 'x-auth-key', 'x-storage-token', 'x-subject-token',
  'x-amz-security-token', 'cookie', 'set-cookie', 'x-account-meta-temp-url-key', 'x-container-meta-temp-url-key',
  'x-account-meta-temp-url-key-2', 'x-container-meta-temp-url-key-2',
]);

/** Query parameters whose values are secrets or signatures (lower case). */
const SECRET_QUERY_PARAMETERS = new Set([
  'x-amz-signature', 'x-amz-security-token', 'x-amz-credential', 'signature', 'sig', 'temp_url_sig', 'password',
  'token', 'api_key', 'apikey', 'awsaccesskeyid', 'secret',
]);

/** Keys in JSON and form bodies whose values are secrets. */
const SECRET_KEY = /pass(word)?|secret|api_?key|apikey|token|credential|signature|private_?key/i;

/** Returns a copy of `headers` with secret values replaced. */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
}

/** Returns `url` with the values of secret query parameters replaced; the rest of the URL is kept byte for byte. */
export function redactUrl(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const fragmentStart = url.indexOf('#', queryStart);
  const end = fragmentStart < 0 ? url.length : fragmentStart;
  const query = url
    .slice(queryStart + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      const name = safeDecode(pair.slice(0, equals)).toLowerCase();
      return SECRET_QUERY_PARAMETERS.has(name) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart + 1)}${query}${url.slice(end)}`;
}

/** A `key value` line of a plain-text body (CloudSigma API 1.0: `vnc:password some secret`); keys are word-like. */
const KEY_VALUE_LINE = /^([\w.-]+(?::[\w.-]+)*)([ \t]+)([^\r\n]*[^\s])/gm;

/** Redacts secret-looking fields of a JSON, form-encoded or `key value` text body; other text is returned unchanged. */
export function redactBody(body: string): string {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.stringify(JSON.parse(body, (key, value: unknown) => (key && SECRET_KEY.test(key) && typeof value !== 'object' ? REDACTED : value)));
    } catch {
      return body;
    }
  }
  if (/^[^=&\s]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$/.test(trimmed)) {
    return body
      .split('&')
      .map((pair) => {
        const [name = '', ...rest] = pair.split('=');
        return SECRET_KEY.test(safeDecode(name)) && rest.length > 0 ? `${name}=${REDACTED}` : pair;
      })
      .join('&');
  }
  return body.replace(KEY_VALUE_LINE, (line: string, key: string, space: string) => (SECRET_KEY.test(key) ? `${key}${space}${REDACTED}` : line));
}

/**
 * The secret values a request carries in the places the redactors know: secret headers (and the credential part
 * of `Basic`/`Bearer` values), secret query parameters, and secret fields of JSON or form bodies. The transport
 * scrubs them from everything the request produces, so a server that echoes them back cannot leak them.
 */
export function collectRequestSecrets(request: { readonly url: string; readonly headers: Readonly<Record<string, string>>; readonly body?: unknown }): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue;
    found.push(value);
    const credential = /^(?:Basic|Bearer|AWS4-HMAC-SHA256)\s+(.+)$/i.exec(value)?.[1];
    if (credential) found.push(credential);
  }
  const queryStart = request.url.indexOf('?');
  if (queryStart >= 0) {
    for (const pair of request.url.slice(queryStart + 1).split('#')[0]!.split('&')) {
      const [name = '', ...rest] = pair.split('=');
      if (rest.length > 0 && SECRET_QUERY_PARAMETERS.has(safeDecode(name).toLowerCase())) found.push(safeDecode(rest.join('=')));
    }
  }
  if (typeof request.body === 'string') found.push(...bodySecrets(request.body));
  return found.filter((value) => value.length >= 4);
}

function bodySecrets(body: string): string[] {
  const found: string[] = [];
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      JSON.parse(body, (key, value: unknown) => {
        if (key && SECRET_KEY.test(key) && typeof value === 'string') found.push(value);
        return value;
      });
    } catch {
      // not JSON after all: nothing to collect
    }
  } else if (/^[^=&\s]+=/.test(trimmed)) {
    for (const pair of body.split('&')) {
      const [name = '', ...rest] = pair.split('=');
      if (rest.length > 0 && SECRET_KEY.test(safeDecode(name))) found.push(safeDecode(rest.join('=')));
    }
  } else {
    for (const [, key = '', , value = ''] of body.matchAll(KEY_VALUE_LINE)) if (SECRET_KEY.test(key)) found.push(value);
  }
  return found;
}

/**
 * Builds a scrubber that replaces every occurrence of the given secret values (and their URL-encoded forms) in a
 * text. This is the last line of defence: whatever a provider echoes back, a known secret never leaves the SDK.
 * Values shorter than 4 characters are ignored (they would mangle ordinary text).
 */
export function createSecretScrubber(secrets: () => readonly (string | undefined)[]): (text: string) => string {
  return (text) => {
    let result = text;
    for (const secret of secrets()) {
      if (!secret || secret.length < 4) continue;
      for (const form of new Set([secret, encodeURIComponent(secret)])) result = result.split(form).join(REDACTED);
    }
    return result;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

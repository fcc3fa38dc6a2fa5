/** What secret values are replaced with. */
export const REDACTED = '[REDACTED]';

/** Headers whose values are secrets, in requests and responses (compared case-insensitively). */
export const DEFAULT_SECRET_HEADERS: readonly string[] = [
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key',
  'x-auth-token', 'x-auth-key', 'x-storage-token', 'x-subject-token', 'x-service-token',
  'x-amz-security-token', 'x-account-meta-temp-url-key', 'x-account-meta-temp-url-key-2',
  'x-container-meta-temp-url-key', 'x-container-meta-temp-url-key-2',
];

/** Query parameters whose values are secrets or signatures (compared case-insensitively). */
export const DEFAULT_SECRET_QUERY_PARAMETERS: readonly string[] = [
  'x-amz-signature', 'x-amz-credential', 'x-amz-security-token', 'signature', 'sig', 'temp_url_sig',
  'api_key', 'apikey', 'awsaccesskeyid', 'password', 'token', 'access_token',
];

/**
 * Keys of JSON objects, form fields and XML elements whose values are secrets. Compared case-insensitively and
 * ignoring `-` and `_` (`apiKey` covers `api_key` and `API-KEY`); `*` matches any run of characters.
 */
export const DEFAULT_SECRET_BODY_KEYS: readonly string[] = [
  'password', 'passwd', 'passphrase', 'apiKey', 'secret*', '*secret', 'privateKey',
  'token', 'accessToken', 'refreshToken', 'idToken', 'sessionToken', 'securityToken', 'authToken',
  // Server passwords that providers send or return under their own names (Nova's adminPass, VNC and root
  // passwords), and EC2's generated private key (`keyMaterial` of CreateKeyPair).
  'adminPass', 'admin_pass', 'vnc_password', 'vncPassword', 'rootPassword', 'root_password', 'keyMaterial',
];

/**
 * Dotted paths into JSON bodies whose values are secrets although their key is not (`*` matches any key or array
 * index): Keystone v2 token ids in responses (`access.token.id`) and token-auth requests.
 */
export const DEFAULT_SECRET_JSON_PATHS: readonly string[] = ['access.token.id', 'auth.token.id', 'auth.identity.token.id'];

/** Values shorter than this are never swept from the rest of a recording (they would mangle ordinary text). */
export const MIN_SWEPT_SECRET_LENGTH = 6;

/** Builds a test for body keys from glob-like names (`secret*`), ignoring case, `-` and `_`. */
export function keyMatcher(names: readonly string[]): (key: string) => boolean {
  const normalise = (text: string): string => text.toLowerCase().replace(/[-_]/g, '');
  const patterns = names.map(
    (name) => new RegExp(`^${normalise(name).split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`),
  );
  return (key) => {
    const normalised = normalise(key);
    return patterns.some((pattern) => pattern.test(normalised));
  };
}

/** Builds a test for dotted JSON paths with `*` wildcards. */
export function pathMatcher(paths: readonly string[]): (path: readonly string[]) => boolean {
  const patterns = paths.map((path) => path.split('.'));
  return (path) =>
    patterns.some((pattern) => pattern.length === path.length && pattern.every((segment, i) => segment === '*' || segment === path[i]));
}

/**
 * The parts of a secret header's value that are secrets on their own, to sweep from the rest of a recording:
 * the credentials after an `Authorization` scheme (`k=v` parameters give their values), and cookie values.
 */
export function secretParts(name: string, value: string): string[] {
  const parts = [value];
  const lowerName = name.toLowerCase();
  if (lowerName === 'cookie' || lowerName === 'set-cookie') {
    const pairs = lowerName === 'cookie' ? value.split(';') : [value.split(';')[0] ?? ''];
    for (const pair of pairs) parts.push(pair.slice(pair.indexOf('=') + 1).trim());
  } else {
    for (const token of value.split(/[\s,]+/).slice(1)) {
      const equals = token.indexOf('=');
      parts.push(equals > 0 ? token.slice(equals + 1) : token);
    }
  }
  return parts.filter((part) => part.length >= MIN_SWEPT_SECRET_LENGTH);
}

import type { AuthStrategy, TlsSettings } from './auth-strategy.js';

/**
 * X.509 client-certificate authentication: the certificate is presented during the TLS handshake, so requests
 * themselves are sent unchanged. The transport builds its own connection pool with these TLS options (which is why
 * it cannot be combined with an injected `dispatcher`; give that dispatcher the `connect` options instead).
 *
 * Server certificates are always verified; pass `ca` to trust a private CA rather than turning verification off.
 *
 * @example
 * ```ts
 * const auth = x509Auth({ cert: readFileSync('client.pem'), key: readFileSync('client.key'), ca: readFileSync('ca.pem') });
 * ```
 */
export function x509Auth(tls: TlsSettings): AuthStrategy {
  const secrets = [tls.passphrase, typeof tls.key === 'string' ? tls.key : undefined].filter((value): value is string => !!value);
  return {
    name: 'x509',
    authorize: (request) => request,
    tls,
    secrets: () => secrets,
  };
}

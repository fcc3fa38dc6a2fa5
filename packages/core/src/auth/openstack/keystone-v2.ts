import type { AuthContext } from '../auth-strategy.js';
import { checkAuthUrl, credentialSecrets, readCredentials, type ApiKeyCredentials, type PasswordCredentials } from './identity-credentials.js';
import { isRecord, malformedIdentityResponse, stringField, type IdentityResponseContext } from './identity-response.js';
import type { IdentityExchange, IdentitySession } from './identity-session.js';
import type { CatalogEndpoint, CatalogService } from './service-catalog.js';

/** Settings of {@link keystoneV2Exchange}. */
export interface KeystoneV2Options {
  /** The identity endpoint including its version, e.g. `https://identity.api.rackspacecloud.com/v2.0`. */
  readonly authUrl: string;
  /** Returns the credentials; called per exchange, so rotated credentials are picked up. */
  readonly credentials: () => ApiKeyCredentials | PasswordCredentials;
  /** Scope the token to this tenant (project) by name. */
  readonly tenantName?: string | undefined;
  /** Scope the token to this tenant (project) by id. */
  readonly tenantId?: string | undefined;
}

/**
 * Creates a Keystone v2.0 exchange: `POST <authUrl>/tokens` with an API key (Rackspace) or a password, parsing
 * the token, its expiry, its tenant and the service catalog. Wrap it in `createIdentityCache`.
 *
 * @throws ValidationError at once when `authUrl` is not an http(s) URL; per exchange for unusable credentials
 *
 * @example
 * ```ts
 * const exchange = keystoneV2Exchange({
 *   authUrl: 'https://identity.api.rackspacecloud.com/v2.0',
 *   credentials: () => ({ username: 'jo', apiKey: process.env.RACKSPACE_API_KEY ?? '' }),
 * });
 * const transport = createTransport({ provider: 'rackspace', auth: identityTokenAuth(createIdentityCache(exchange)) });
 * ```
 */
export function keystoneV2Exchange(options: KeystoneV2Options): IdentityExchange {
  const tokensUrl = `${checkAuthUrl(options.authUrl).replace(/\/+$/, '')}/tokens`;
  const secrets = () => credentialSecrets(options.credentials);

  const exchange = async (context: AuthContext): Promise<IdentitySession> => {
    const response = await context.request({
      method: 'POST',
      url: tokensUrl,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ auth: authBody(options) }),
    });
    const body = response.body;
    const provider = context.provider;
    return parseKeystoneV2Access({ provider, status: response.status, body, secrets });
  };
  return Object.assign(exchange, { secrets });
}

function authBody(options: KeystoneV2Options): Record<string, unknown> {
  const credentials = readCredentials(options.credentials);
  return {
    ...('apiKey' in credentials
      ? { 'RAX-KSKEY:apiKeyCredentials': credentials }
      : { passwordCredentials: credentials }),
    ...(options.tenantName === undefined ? {} : { tenantName: options.tenantName }),
    ...(options.tenantId === undefined ? {} : { tenantId: options.tenantId }),
  };
}

/**
 * Parses a Keystone v2.0 `{ access: { token, serviceCatalog } }` answer.
 * @throws MalformedResponseError (never a TypeError) for any other shape; the token never appears in its excerpt
 */
export function parseKeystoneV2Access(answer: IdentityResponseContext): IdentitySession {
  let token: string | undefined;
  const scrubbed = { ...answer, secrets: () => [...answer.secrets(), token, ...embeddedTokens(answer.body)] };
  let document: unknown;
  try {
    document = JSON.parse(answer.body);
  } catch {
    // No `cause`: V8's SyntaxError message quotes a piece of the body, which may hold the token.
    throw malformedIdentityResponse(scrubbed, 'the body is not JSON');
  }
  const access = isRecord(document) ? document.access : undefined;
  if (!isRecord(access)) throw malformedIdentityResponse(scrubbed, 'no `access` object');
  const tokenRecord = access.token;
  token = isRecord(tokenRecord) ? stringField(tokenRecord, 'id') : undefined;
  if (!isRecord(tokenRecord) || !token) throw malformedIdentityResponse(scrubbed, 'no `access.token.id`');

  const expires = stringField(tokenRecord, 'expires');
  const expiresAt = expires === undefined ? undefined : new Date(expires);
  if (expiresAt && Number.isNaN(expiresAt.getTime())) throw malformedIdentityResponse(scrubbed, '`access.token.expires` is not a date');
  const tenantId = isRecord(tokenRecord.tenant) ? stringField(tokenRecord.tenant, 'id') : undefined;

  // Unscoped tokens come without a catalog; that is valid, just empty.
  const rawCatalog = access.serviceCatalog ?? [];
  if (!Array.isArray(rawCatalog)) throw malformedIdentityResponse(scrubbed, '`access.serviceCatalog` is not a list');
  const catalog: CatalogService[] = [];
  for (const [index, rawService] of rawCatalog.entries()) {
    const type = isRecord(rawService) ? stringField(rawService, 'type') : undefined;
    if (!isRecord(rawService) || type === undefined || !Array.isArray(rawService.endpoints)) {
      throw malformedIdentityResponse(scrubbed, `\`access.serviceCatalog[${index}]\` lacks a \`type\` or its \`endpoints\``);
    }
    const endpoints = rawService.endpoints.filter(isRecord).map(parseEndpoint);
    catalog.push({ type, name: stringField(rawService, 'name') ?? '', endpoints });
  }
  return {
    token,
    ...(expiresAt === undefined ? {} : { expiresAt }),
    ...(tenantId === undefined ? {} : { tenantId }),
    catalog,
    endpoints: {},
  };
}

/** Token ids found textually in a body, so even a truncated, unparsable answer never leaks its token. */
function embeddedTokens(body: string): string[] {
  return [...body.matchAll(/"token"\s*:\s*\{[^{}]*?"id"\s*:\s*"([^"\\]+)"/g)].map((match) => match[1] ?? '');
}

function parseEndpoint(raw: Record<string, unknown>): CatalogEndpoint {
  const fields = {
    region: stringField(raw, 'region'),
    tenantId: stringField(raw, 'tenantId'),
    publicUrl: stringField(raw, 'publicURL'),
    internalUrl: stringField(raw, 'internalURL'),
    adminUrl: stringField(raw, 'adminURL'),
  };
  // exactOptionalPropertyTypes: keep absent fields absent rather than present-and-undefined.
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as CatalogEndpoint;
}

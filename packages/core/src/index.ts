/**
 * `@multicloud/core`: the shared machinery of the multicloud SDK — the HTTP transport on undici, the auth
 * strategies, the typed error family, the provider registry, and XML/JSON readers.
 *
 * @packageDocumentation
 */

// Errors
export { CloudError } from './errors/cloud-error.js';
export {
  InvalidCredentialsError,
  NotFoundError,
  ProviderError,
  RateLimitError,
  type ProviderErrorClass,
  type ProviderErrorDetails,
} from './errors/provider-error.js';
export {
  MALFORMED_BODY_EXCERPT_LENGTH,
  MalformedResponseError,
  MissingCredentialsError,
  NetworkError,
  RequestTimeoutError,
  UnknownProviderError,
  UnsupportedOperationError,
  ValidationError,
} from './errors/errors.js';
export {
  createErrorClassifier,
  errorClassForStatus,
  isRetryableStatus,
  parseGenericErrorBody,
  type ErrorClassifier,
  type ErrorResponse,
  type ErrorRule,
  type ErrorTable,
  type ParsedErrorBody,
} from './errors/error-table.js';

// HTTP
export { getHeader, isReplayableBody, withHeaders, type HttpRequest, type RequestBody } from './http/http-request.js';
export type { HttpResponse, TextResponse } from './http/http-response.js';
export { createTransport, DEFAULT_TIMEOUT_MS, validateTimeout, type Transport } from './http/transport.js';
export type { TransportOptions, TransportRequest, TransportSettings } from './http/transport-options.js';
export type { TransportEvent, TransportLogger } from './http/transport-event.js';
export { DEFAULT_RETRY, backoffDelay, isIdempotentMethod, resolveRetrySettings, type RetrySettings } from './http/retry-policy.js';
export { parseRetryAfter } from './http/retry-after.js';
export { REDACTED, createSecretScrubber, redactBody, redactHeaders, redactUrl } from './http/redact.js';

// Auth
export { noAuth, type AuthContext, type AuthStrategy, type TlsSettings } from './auth/auth-strategy.js';
export { basicAuth, type BasicCredentials } from './auth/basic-auth.js';
export { x509Auth } from './auth/x509-auth.js';
export { staticTokenAuth, type StaticTokenAuthOptions } from './auth/token-auth.js';
export {
  goGridAuth,
  goGridSignature,
  type GoGridAuthSettings,
  type GoGridAuthStrategy,
  type GoGridCredentials,
} from './auth/gogrid-signature.js';
export * from './auth/sigv4/index.js';
export * from './auth/openstack/index.js';

// Registry
export { createRegistry, type ProviderDefinition, type ProviderInfo, type ProviderRegistration, type Registry } from './registry/registry.js';
export { CONTRACT_VERSION, checkContractVersion, contractMajor, type ContractCheck } from './registry/contract-version.js';
export { IncompatibleContractError } from './registry/incompatible-contract-error.js';
export { defaultRegistry, getDriver, listProviders, registerProvider } from './registry/default-registry.js';
export {
  API_NAMES,
  type ApiName,
  type ComputeProviders,
  type DriverFactory,
  type LoadBalancerProviders,
  type ProvidersByApi,
  type StorageProviders,
} from './registry/provider-maps.js';

// Settings
export { once, readCredential, validateCredentialOption, type CredentialSource } from './settings/credentials.js';
export { parseEndpoint } from './settings/endpoint.js';

// Formats
export { parseXml, type XmlParseOptions, type XmlReader } from './format/xml.js';
export { parseJson } from './format/json.js';
export { jsonFields, type JsonFields, type JsonFieldsOptions, type JsonRecord } from './format/json-fields.js';

export { VERSION } from './version.js';

// Models and paging
export { assertNonEmptyString, assertOwnModel, providerOf, stampProvider } from './models/model-provider.js';
export { collect, paginate } from './paging/paginate.js';

// Waiting
export { abortableSleep } from './async/abortable-sleep.js';
export { deadline, raceAbort, type Deadline } from './async/deadline.js';
export { pollUntil, type PollOptions } from './async/poll-until.js';

/**
 * OpenStack identity: Keystone v1.0 and v2.0 exchanges (Rackspace, Swift tempauth, OpenStack clouds), a
 * single-flight session cache, the token auth strategy built on it, and service catalog lookups.
 */
export { createIdentityCache, type IdentityCache, type IdentityCacheOptions } from './identity-cache.js';
export type { ApiKeyCredentials, PasswordCredentials } from './identity-credentials.js';
export type { IdentityExchange, IdentitySession } from './identity-session.js';
export { identityTokenAuth, type IdentityTokenAuthOptions } from './identity-token-auth.js';
export { createOpenStackErrorClassifier, OPENSTACK_ERROR_TABLE, parseOpenStackErrorBody } from './openstack-error-body.js';
export { keystoneV1Exchange, type KeystoneV1Options } from './keystone-v1.js';
export { keystoneV2Exchange, type KeystoneV2Options } from './keystone-v2.js';
export {
  findEndpoint,
  type CatalogEndpoint,
  type CatalogService,
  type EndpointInterface,
  type EndpointQuery,
  type ServiceCatalog,
} from './service-catalog.js';

import {
  MalformedResponseError,
  createErrorClassifier,
  createTransport,
  parseXml,
  sigV4Auth,
  type ErrorTable,
  type Transport,
  type XmlReader,
} from '@multicloud/core';
import { awsServiceEndpoint } from './aws-regions.js';
import type { AwsSettings } from './aws-settings.js';
import { resolveAwsSettings } from './aws-settings.js';
import { parseAwsXmlError } from './aws-xml-error.js';
import { encodeFormBody, flattenQueryParams, type QueryValue } from './query-params.js';

/** How to reach one AWS Query API (EC2, ELB, …). */
export interface QueryApi {
  /** Provider id for errors and events, e.g. `ec2`. */
  readonly provider: string;
  /** Endpoint prefix and signing name, e.g. `ec2` or `elasticloadbalancing`. */
  readonly service: string;
  /** API version, e.g. `2016-11-15`. */
  readonly version: string;
  /** Provider error code → error class. */
  readonly errorTable: ErrorTable;
}

/** Options of one Query API call. */
export interface QueryCallOptions {
  /** Cancels the call. */
  readonly signal?: AbortSignal | undefined;
  /** Whether the call may be repeated; default: `Describe*`/`List*`/`Get*` actions are, others are not. */
  readonly idempotent?: boolean | undefined;
  /** Element paths that are arrays in the answer (see `parseXml`). */
  readonly arrayPaths?: readonly string[] | undefined;
}

/** A signed client for one AWS Query API. */
export interface QueryClient {
  /** The region in force. */
  readonly region: string;
  /** The transport (for `ex` operations and tests). */
  readonly transport: Transport;
  /** Calls `action` and returns the answer's root element (`<ActionResponse>`, or `<ActionResult>`), parsed. */
  call(action: string, params?: Readonly<Record<string, QueryValue>>, options?: QueryCallOptions): Promise<Record<string, unknown>>;
}

const READ_ONLY_ACTION = /^(Describe|List|Get)/;

/**
 * Creates a client for an AWS Query API: form-encoded POSTs signed with SigV4, XML answers, errors mapped by the
 * API's table. Constructing it does no I/O and never fails for missing credentials.
 */
export function createQueryClient(api: QueryApi, settings: AwsSettings, xmlReader: XmlReader = parseXml): QueryClient {
  const resolved = resolveAwsSettings(api.provider, settings);
  const url = `${resolved.endpoint ?? awsServiceEndpoint(api.service, resolved.region)}/`;
  const transport = createTransport({
    ...settings,
    provider: api.provider,
    auth: sigV4Auth({ credentials: resolved.credentials, region: resolved.region, service: api.service }),
    classifyError: createErrorClassifier({ parse: parseAwsXmlError, table: api.errorTable }),
  });
  return {
    region: resolved.region,
    transport,
    async call(action, params = {}, options = {}) {
      const body = encodeFormBody([['Action', action], ['Version', api.version], ...flattenQueryParams(params)]);
      const response = await transport.request({
        method: 'POST',
        url,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body,
        signal: options.signal,
        idempotent: options.idempotent ?? READ_ONLY_ACTION.test(action),
      });
      // AWS answers <ActionResponse>; some recorded answers carry only the <ActionResult> (or <Action>) part. Any of
      // them is accepted, anything else (an HTML error page, another action's answer) is malformed.
      const roots = [`${action}Response`, `${action}Result`, action];
      const document = xmlReader(response.body, { provider: api.provider, status: response.status, arrayPaths: options.arrayPaths });
      const root = roots.find((name) => name in document);
      if (root === undefined) {
        throw new MalformedResponseError({ provider: api.provider, status: response.status, body: response.body, reason: `expected <${roots[0]}>, got <${Object.keys(document)[0]}>` });
      }
      const element = document[root];
      return (typeof element === 'object' && element !== null ? element : {}) as Record<string, unknown>;
    },
  };
}

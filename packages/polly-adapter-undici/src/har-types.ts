/** A name/value pair of a HAR file (headers, query string, cookies, form params). */
export interface HarNameValue {
  /** The name. */
  name: string;
  /** The value. */
  value: string;
  /** Other fields (Polly's `_fromType`, cookie attributes). */
  [extra: string]: unknown;
}

/** The parts of a HAR request the scrubber reads and rewrites. */
export interface HarRequest {
  /** Absolute URL. */
  url: string;
  /** Request headers. */
  headers: HarNameValue[];
  /** Parsed query parameters. */
  queryString?: HarNameValue[];
  /** Parsed cookies. */
  cookies?: HarNameValue[];
  /** The body: `text` (UTF-8, or base64 for binary bodies recorded by this adapter) and form `params`. */
  postData?: { mimeType?: string; text?: string; params?: HarNameValue[]; [extra: string]: unknown };
  /** Body size in bytes. */
  bodySize?: number;
  /** Other HAR fields. */
  [extra: string]: unknown;
}

/** The parts of a HAR response the scrubber reads and rewrites. */
export interface HarResponse {
  /** Response headers. */
  headers: HarNameValue[];
  /** Parsed `Set-Cookie` cookies. */
  cookies?: HarNameValue[];
  /** The body: `text`, with `encoding: 'base64'` when it is binary. */
  content: { text?: string; encoding?: string; size?: number; mimeType?: string; [extra: string]: unknown };
  /** The `Location` header. */
  redirectURL?: string;
  /** Body size in bytes. */
  bodySize?: number;
  /** Other HAR fields. */
  [extra: string]: unknown;
}

/** One recorded exchange as Polly's persister saves it (a HAR 1.2 entry). */
export interface HarEntry {
  /** The request. */
  request: HarRequest;
  /** The response. */
  response: HarResponse;
  /** Other HAR fields (`_id`, `_order`, timings…). */
  [extra: string]: unknown;
}

import { ValidationError } from '@multicloud/core';

/** Swift's smallest useful segment here: 1 MiB (Cloud Files refuses smaller SLO segments except the last). */
export const MIN_SEGMENT_SIZE = 1024 * 1024;
/** Swift's largest single object (and so the largest segment): 5 GiB. */
export const MAX_SEGMENT_SIZE = 5 * 1024 * 1024 * 1024;
/** Default segment size: 16 MiB. Streams that end within the first segment go in one PUT. */
export const DEFAULT_SEGMENT_SIZE = 16 * 1024 * 1024;
/** Default segments uploaded at once. */
export const DEFAULT_SEGMENT_CONCURRENCY = 4;
/** Default most segments of one manifest (Swift's and Cloud Files' `max_manifest_segments`). */
export const DEFAULT_MAX_SEGMENTS = 1000;
/** Default listing page size (lowered automatically to the server's listing limit when it is smaller). */
export const DEFAULT_LISTING_LIMIT = 1000;

/** The storage tunables both Swift drivers (Cloud Files and generic OpenStack Swift) accept. */
export interface SwiftStorageOptions {
  /**
   * Segment size in bytes for large objects (≥ 1 MiB, ≤ 5 GiB; default 16 MiB). A stream that ends within the first
   * segment is one PUT; a longer one (or one of unknown length) becomes segments plus a Static Large Object manifest.
   */
  readonly segmentSize?: number | undefined;
  /** Segments uploaded at once (default 4); memory use is about `segmentSize × (segmentConcurrency + 1)`. */
  readonly segmentConcurrency?: number | undefined;
  /** Most segments per object (default 1000, the server's `max_manifest_segments`); longer streams fail early. */
  readonly maxSegments?: number | undefined;
  /** Listing page size (default 1000); lowered to the server's limit when it answers 412 "Maximum limit is N". */
  readonly listingLimit?: number | undefined;
  /** The account's temp URL key; default: read once from the account's `X-Account-Meta-Temp-Url-Key`. */
  readonly tempUrlKey?: string | undefined;
  /** Use the catalog's `internalURL` (Rackspace ServiceNet) for storage requests instead of `publicURL`. */
  readonly useInternalUrl?: boolean | undefined;
}

/** {@link SwiftStorageOptions} checked, with defaults applied. */
export interface ResolvedSwiftStorageOptions {
  /** Segment size in bytes. */
  readonly segmentSize: number;
  /** Segments uploaded at once. */
  readonly segmentConcurrency: number;
  /** Most segments per object. */
  readonly maxSegments: number;
  /** Listing page size to start with. */
  readonly listingLimit: number;
  /** The temp URL key setting, if any. */
  readonly tempUrlKey: string | undefined;
  /** Whether storage requests use the internal (ServiceNet) URL. */
  readonly useInternalUrl: boolean;
}

function wholeNumber(argument: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(argument, `must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Checks the storage tunables without any I/O. @throws ValidationError naming the setting */
export function resolveSwiftStorageOptions(options: SwiftStorageOptions): ResolvedSwiftStorageOptions {
  if (options.tempUrlKey !== undefined && (typeof options.tempUrlKey !== 'string' || options.tempUrlKey === '')) {
    throw new ValidationError('tempUrlKey', 'must be a non-empty string when given');
  }
  if (options.useInternalUrl !== undefined && typeof options.useInternalUrl !== 'boolean') {
    throw new ValidationError('useInternalUrl', 'must be true or false');
  }
  return {
    segmentSize: wholeNumber('segmentSize', options.segmentSize ?? DEFAULT_SEGMENT_SIZE, MIN_SEGMENT_SIZE, MAX_SEGMENT_SIZE),
    segmentConcurrency: wholeNumber('segmentConcurrency', options.segmentConcurrency ?? DEFAULT_SEGMENT_CONCURRENCY, 1, 64),
    maxSegments: wholeNumber('maxSegments', options.maxSegments ?? DEFAULT_MAX_SEGMENTS, 2),
    listingLimit: wholeNumber('listingLimit', options.listingLimit ?? DEFAULT_LISTING_LIMIT, 1),
    tempUrlKey: options.tempUrlKey,
    useInternalUrl: options.useInternalUrl ?? false,
  };
}

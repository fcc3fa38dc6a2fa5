import type { CallOptions } from '@multicloud/compute';

/** Options of `exDestroyNode` (both API versions). */
export interface CloudSigmaDestroyOptions extends CallOptions {
  /** Keep the server's disk drives (default false: they are deleted with it, as `destroyNode` does). */
  readonly keepDrives?: boolean | undefined;
}

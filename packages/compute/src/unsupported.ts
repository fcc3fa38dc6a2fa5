import { UnsupportedOperationError } from '@multicloud/core';

/**
 * A method body for an operation the cloud lacks: rejects with `UnsupportedOperationError`, never a silent no-op.
 *
 * @example
 * ```ts
 * listVolumes: unsupported('bluebox', 'listVolumes'),
 * ```
 */
export function unsupported(provider: string, operation: string, reason?: string): (...args: unknown[]) => Promise<never> {
  return async () => {
    throw new UnsupportedOperationError({ provider, operation, ...(reason === undefined ? {} : { reason }) });
  };
}

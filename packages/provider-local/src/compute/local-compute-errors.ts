import { ProviderError } from '@multicloud/core';
import { NodeDoesNotExistError } from '@multicloud/compute';
import { LOCAL } from '../local-root.js';

/** The errors of the local compute driver, as data: code → class. Every one carries `status` 0 (there is no HTTP). */
export const LOCAL_COMPUTE_ERRORS = {
  /** No node folder with that id under the root. */
  NoSuchNode: NodeDoesNotExistError,
  /** The operation needs the node's supervisor, and it is not running (start the node first). */
  NodeNotRunning: ProviderError,
  /** The node's supervisor belongs to another program; only that one can run commands on it. */
  NodeOwnedElsewhere: ProviderError,
  /** The supervisor could not be started, or did not answer. */
  SupervisorFailed: ProviderError,
  /** The node is being destroyed. */
  NodeDestroying: ProviderError,
} as const;

/** A code of {@link LOCAL_COMPUTE_ERRORS}. */
export type LocalComputeErrorCode = keyof typeof LOCAL_COMPUTE_ERRORS;

/** Builds the typed error for `code`. */
export function localComputeError(code: LocalComputeErrorCode, message: string, cause?: unknown): ProviderError {
  const ErrorClass = LOCAL_COMPUTE_ERRORS[code];
  return new ErrorClass({ provider: LOCAL, status: 0, providerCode: code, providerMessage: message, cause });
}

/** `node node-1a2b3c4d does not exist`. */
export const noSuchNode = (id: string): ProviderError => localComputeError('NoSuchNode', `node ${JSON.stringify(id)} does not exist`);

import { CloudError, NotFoundError } from '@multicloud/core';
import type { Node } from './models.js';

/** The node does not exist (or no longer does). */
export class NodeDoesNotExistError extends NotFoundError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'NodeDoesNotExistError';
}

/** The key pair does not exist. */
export class KeyPairDoesNotExistError extends NotFoundError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'KeyPairDoesNotExistError';
}

/** Deploying to a node failed; carries the node so the caller can inspect or destroy it. `cause` says why. */
export class DeploymentError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'DeploymentError';
  /** The node the deployment was for. */
  readonly node: Node;

  constructor(node: Node, message: string, options?: ErrorOptions) {
    super(`deployment to node ${node.name} (${node.id}) failed: ${message}`, options);
    this.node = node;
  }
}

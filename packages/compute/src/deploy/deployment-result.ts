import type { Node } from '../models.js';
import type { CommandResult } from './deployment-channel.js';
import type { DeploymentStep } from './deployment.js';

/**
 * The outcome of one deployment step. A script step records its command's output and exit status; an SSH key step
 * records the output of the shell snippet that edits `authorized_keys`; a file step runs no command and records empty
 * output and exit status `0`.
 */
export interface DeploymentStepResult extends CommandResult {
  /** The step (the object given, unchanged). */
  readonly step: DeploymentStep;
}

/** What `deployNode` returns when every step succeeded. */
export interface DeploymentResult {
  /** The node as last listed: running, with its addresses. */
  readonly node: Node;
  /** One result per step, in running order (nested multi-step deployments flattened). */
  readonly results: readonly DeploymentStepResult[];
}

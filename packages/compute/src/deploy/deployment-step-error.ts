import { DeploymentError } from '../compute-errors.js';
import type { Node } from '../models.js';
import type { DeploymentStepResult } from './deployment-result.js';
import type { DeploymentStep } from './deployment.js';

/**
 * One step of a deployment failed: a script exited with a non-zero status (or none), an upload failed, or the step was
 * aborted. A {@link DeploymentError}, so it carries the node; it also carries what ran.
 *
 * @example
 * ```ts
 * catch (error) {
 *   if (DeploymentStepError.isInstance(error)) console.error(error.results.at(-1)?.stderr);
 * }
 * ```
 */
export class DeploymentStepError extends DeploymentError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'DeploymentStepError';
  /** The step that failed. */
  readonly step: DeploymentStep;
  /** Its position among the flattened steps, from 0. */
  readonly stepIndex: number;
  /**
   * Results of the steps that ran, in order; the last one is the failed step's own when it got as far as finishing its
   * command (a non-zero exit status: see its `stderr`).
   */
  readonly results: readonly DeploymentStepResult[];

  /**
   * @param node - the node the deployment was for
   * @param details - the failed step, its index, the results so far, and why it failed
   * @param options - the `cause`, when there is one
   */
  constructor(
    node: Node,
    details: { step: DeploymentStep; stepIndex: number; results: readonly DeploymentStepResult[]; reason: string },
    options?: ErrorOptions,
  ) {
    super(node, `step ${details.stepIndex + 1} (${describeStep(details.step)}) ${details.reason}`, options);
    this.step = details.step;
    this.stepIndex = details.stepIndex;
    this.results = Object.freeze([...details.results]);
  }
}

/** `script setup.sh`, `file /etc/app.conf`, `SSH key`: a step's name for messages (never file contents or keys). */
export function describeStep(step: DeploymentStep): string {
  switch (step.kind) {
    case 'script': return step.name === undefined ? 'script' : `script ${step.name}`;
    case 'file': return `file ${step.target}`;
    case 'sshKey': return 'SSH key';
  }
}

import { RequestTimeoutError, ValidationError, validateTimeout } from '@multicloud/core';
import type { CallOptions, ComputeDriver, CreateNodeOptions } from '../compute-driver.js';
import { DeploymentError } from '../compute-errors.js';
import type { Node } from '../models.js';
import { deadline, raceAbort } from '@multicloud/core';
import { waitUntilRunning } from '../wait/wait-until-running.js';
import type { DeploymentChannel, DeploymentChannelFactory } from './deployment-channel.js';
import type { DeploymentResult } from './deployment-result.js';
import { validateDeployment, type Deployment } from './deployment.js';
import { runDeployment } from './run-deployment.js';
import { connectSsh } from './ssh-connect.js';
import { validateSshOptions, type SshOptions } from './ssh-options.js';

/** Options of {@link deployNode}. */
export interface DeployNodeOptions<P extends object = object> extends CallOptions {
  /** An existing node, or the options to create one with `driver.createNode` (their `signal` is replaced by ours). */
  readonly node: Node | (CreateNodeOptions & P);
  /** What to do on the node. */
  readonly deployment: Deployment;
  /** How to log in over SSH; required unless `channel` is given. */
  readonly ssh?: SshOptions | undefined;
  /**
   * Opens the channel the steps run over, instead of SSH (for example a local shell, for a provider whose nodes are
   * local). With it, `ssh` is ignored and the node need not have an address.
   */
  readonly channel?: DeploymentChannelFactory | undefined;
  /** Limit of the whole call (create, wait, connect, deploy), in milliseconds; default: none beyond each phase's own. */
  readonly timeoutMs?: number | undefined;
  /** Pause between two `listNodes` calls while waiting for the node to run, in milliseconds; default 3 s. */
  readonly pollIntervalMs?: number | undefined;
}

/** The part of a driver {@link deployNode} uses (`createNode` only when asked to create the node). */
export type DeployDriver<P extends object = object> = Pick<ComputeDriver<P>, 'provider' | 'listNodes' | 'createNode'>;

/** Whether `value` is a node rather than options to create one. */
function isNode(value: Node | CreateNodeOptions): value is Node {
  return typeof (value as Partial<Node>).id === 'string' && typeof (value as Partial<Node>).state === 'string';
}

/** Checks every option before anything is created or connected. */
async function validate(options: DeployNodeOptions<object>): Promise<void> {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'is required');
  if (typeof options.node !== 'object' || options.node === null) throw new ValidationError('options.node', 'must be a node or createNode options');
  validateDeployment(options.deployment, 'options.deployment');
  validateTimeout(options.timeoutMs, 'options.timeoutMs');
  validateTimeout(options.pollIntervalMs, 'options.pollIntervalMs');
  if (options.channel !== undefined) {
    if (typeof options.channel !== 'function') throw new ValidationError('options.channel', 'must be a function that opens a channel');
  } else {
    if (options.ssh === undefined) throw new ValidationError('options.ssh', 'is required unless options.channel is given');
    await validateSshOptions(options.ssh, 'options.ssh');
  }
}

/** Opens the custom channel; if the wait is abandoned, closes the channel once it arrives anyway. */
async function openChannel(factory: DeploymentChannelFactory, node: Node, signal: AbortSignal): Promise<DeploymentChannel> {
  const opening = Promise.resolve().then(() => factory(node, { signal }));
  try {
    return await raceAbort(opening, signal);
  } catch (error) {
    opening.then((channel) => channel.close(), () => undefined).catch(() => undefined);
    throw error;
  }
}

/** Turns any failure after the node exists into a `DeploymentError` carrying it. */
function asDeploymentError(node: Node, error: unknown, limit: AbortSignal, options: DeployNodeOptions<object>): DeploymentError {
  if (limit.aborted) {
    if (DeploymentError.isInstance(error) && error.cause === limit.reason) return error;
    const what = options.signal?.aborted ? 'aborted' : `timed out after ${String(options.timeoutMs)} ms`;
    return new DeploymentError(node, what, { cause: limit.reason });
  }
  if (DeploymentError.isInstance(error)) return error;
  return new DeploymentError(node, error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * Creates a node (or takes an existing one), waits until it runs, logs in over SSH and carries out a deployment.
 *
 * @remarks
 * Steps: `driver.createNode` (when `options.node` is not a node yet) → `waitUntilRunning` (an address is required
 * unless `ssh.host` or `channel` is given) → connect to `ssh.host`, else the first public IP, else the first private IP,
 * retrying while the port does not answer and trying the alternate usernames when a login is refused →
 * `runDeployment` → close the connection. The node is never destroyed here: on failure, the error carries it so
 * you can inspect or destroy it.
 *
 * @param driver - any compute driver
 * @param options - the node, the deployment, how to connect, and limits
 * @returns the running node and one result per step
 * @throws ValidationError for bad options, before anything is created or connected
 * @throws whatever `driver.createNode` throws, when it fails (there is no node to carry then)
 * @throws DeploymentError carrying the node for any failure after that: the node dies or never runs, SSH never
 * answers or refuses every user, a step fails (`DeploymentStepError`, with the step results), the call times out or is
 * aborted (`cause`: the abort reason or `RequestTimeoutError`). Messages never contain a password or key.
 *
 * @example
 * ```ts
 * const { node, results } = await deployNode(driver, {
 *   node: { name: 'web-1', size, image, auth: { sshKey: publicKey } },
 *   deployment: MultiStepDeployment([
 *     FileDeployment({ source: { content: config }, target: '/etc/app.conf' }),
 *     ScriptDeployment({ script: '#!/bin/sh\nsystemctl restart app\n' }),
 *   ]),
 *   ssh: { privateKey, alternateUsernames: ['ubuntu', 'ec2-user'] },
 * });
 * ```
 */
export async function deployNode<P extends object = object>(driver: DeployDriver<P>, options: DeployNodeOptions<P>): Promise<DeploymentResult> {
  await validate(options);
  options.signal?.throwIfAborted();
  const { timeoutMs } = options;
  const limit = deadline(options.signal, timeoutMs, () => new RequestTimeoutError({ provider: driver.provider, timeoutMs: timeoutMs ?? 0, what: 'completed deployment' }));
  let node: Node | undefined = isNode(options.node) ? options.node : undefined;
  let channel: DeploymentChannel | undefined;
  try {
    if (node === undefined) {
      const create = { ...(options.node as CreateNodeOptions & P), signal: limit.signal };
      node = await raceAbort(driver.createNode(create), limit.signal);
    }
    const [running] = await waitUntilRunning(driver, [node], {
      signal: limit.signal,
      requireAddress: options.channel === undefined && options.ssh?.host === undefined,
      ...(options.pollIntervalMs === undefined ? {} : { intervalMs: options.pollIntervalMs }),
    });
    node = running ?? node;
    channel = options.channel
      ? await openChannel(options.channel, node, limit.signal)
      : await connectSsh(node, options.ssh ?? {}, limit.signal);
    const results = await runDeployment(node, options.deployment, channel, { signal: limit.signal });
    return { node, results };
  } catch (error) {
    if (node === undefined) throw limit.signal.aborted ? limit.signal.reason : error;
    throw asDeploymentError(node, error, limit.signal, options);
  } finally {
    limit.dispose();
    await channel?.close().catch(() => undefined);
  }
}

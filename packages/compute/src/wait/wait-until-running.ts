import { RequestTimeoutError, ValidationError, validateTimeout } from '@multicloud/core';
import type { CallOptions, ComputeDriver } from '../compute-driver.js';
import { DeploymentError } from '../compute-errors.js';
import type { Node, NodeState } from '../models.js';
import { deadline, abortableSleep as delay, raceAbort } from '@multicloud/core';

/** Default of {@link WaitUntilRunningOptions.timeoutMs}: 10 minutes. */
export const DEFAULT_WAIT_TIMEOUT_MS = 600_000;
/** Default of {@link WaitUntilRunningOptions.intervalMs}: 3 seconds. */
export const DEFAULT_WAIT_INTERVAL_MS = 3_000;

/** Options of {@link waitUntilRunning}. */
export interface WaitUntilRunningOptions extends CallOptions {
  /** How long to wait in total, in milliseconds; default {@link DEFAULT_WAIT_TIMEOUT_MS}. */
  readonly timeoutMs?: number | undefined;
  /** Pause between two listings, in milliseconds; default {@link DEFAULT_WAIT_INTERVAL_MS}. */
  readonly intervalMs?: number | undefined;
  /** Also wait until every node has at least one public or private IP address; default `true`. */
  readonly requireAddress?: boolean | undefined;
}

/** The part of a driver {@link waitUntilRunning} uses. */
export type NodeLister = Pick<ComputeDriver, 'provider' | 'listNodes'>;

/** States a node does not come back from on its own: waiting for them to turn `running` is pointless. */
const DEAD_STATES: ReadonlySet<NodeState> = new Set<NodeState>(['terminated', 'error']);

/** Whether `node` is where the caller wants it. */
function isReady(node: Node, requireAddress: boolean): boolean {
  return node.state === 'running' && (!requireAddress || node.publicIps.length > 0 || node.privateIps.length > 0);
}

/** `web (i-1, pending)`: names a node for a message. */
function describe(node: Node): string {
  return `${node.name} (${node.id}, ${node.state})`;
}

/**
 * Waits until every node is `running` (and, unless `requireAddress` is `false`, has an IP address), polling with one
 * `driver.listNodes()` call per round for all nodes.
 *
 * @remarks
 * A node missing from a listing is taken as "not listed yet" (clouds with eventually consistent listings, such as EC2,
 * may omit a node for a few seconds after creating it) until it has been listed once; if it disappears after that, the
 * wait fails. Other states (`pending`, `stopped`, `rebooting`, …) are waited out. Errors of `listNodes` are not
 * retried here (the driver's transport already retries what is worth retrying).
 *
 * @param driver - lists the nodes; any `ComputeDriver` will do
 * @param nodes - the nodes to wait for; an empty list resolves at once
 * @param options - timeout, polling interval, abort signal and address requirement
 * @returns the freshly listed nodes, in the order of `nodes`
 * @throws DeploymentError carrying the node, when a node enters `terminated` or `error`, or disappears
 * @throws RequestTimeoutError when the nodes are not all ready within `timeoutMs`
 * @throws ValidationError for a bad timeout or interval, or a node without an id
 * @throws `signal.reason` as soon as `signal` aborts; no timer or listener is left behind
 *
 * @example
 * ```ts
 * const node = await driver.createNode({ name: 'web-1', size, image });
 * const [running] = await waitUntilRunning(driver, [node], { timeoutMs: 300_000 });
 * console.log(running?.publicIps);
 * ```
 */
export async function waitUntilRunning(driver: NodeLister, nodes: readonly Node[], options: WaitUntilRunningOptions = {}): Promise<Node[]> {
  const { timeoutMs = DEFAULT_WAIT_TIMEOUT_MS, intervalMs = DEFAULT_WAIT_INTERVAL_MS, signal, requireAddress = true } = options;
  validateTimeout(timeoutMs, 'timeoutMs');
  validateTimeout(intervalMs, 'intervalMs');
  if (!Array.isArray(nodes)) throw new ValidationError('nodes', 'must be an array of nodes');
  nodes.forEach((node, index) => {
    if (typeof node?.id !== 'string' || node.id === '') throw new ValidationError(`nodes[${index}]`, 'must be a node with a non-empty id');
  });
  signal?.throwIfAborted();
  if (nodes.length === 0) return [];

  let waitingFor: readonly Node[] = nodes;
  const seen = new Set<string>();
  const limit = deadline(signal, timeoutMs, () => new RequestTimeoutError({
    provider: driver.provider,
    timeoutMs,
    what: `running ${waitingFor.length === 1 ? 'node' : 'nodes'} ${waitingFor.map(describe).join(', ')}`,
  }));
  try {
    for (;;) {
      limit.signal.throwIfAborted();
      const listed = await raceAbort(driver.listNodes({ signal: limit.signal }), limit.signal);
      const byId = new Map(listed.map((node) => [node.id, node]));
      const fresh: Node[] = [];
      const pending: Node[] = [];
      for (const node of nodes) {
        const current = byId.get(node.id);
        if (current === undefined) {
          if (seen.has(node.id)) throw new DeploymentError(node, 'node no longer exists');
          pending.push(node);
          continue;
        }
        seen.add(node.id);
        if (DEAD_STATES.has(current.state)) throw new DeploymentError(current, `node entered state ${current.state}`);
        if (!isReady(current, requireAddress)) pending.push(current);
        fresh.push(current);
      }
      if (pending.length === 0) return fresh;
      waitingFor = pending;
      await delay(intervalMs, limit.signal);
    }
  } catch (error) {
    // Whatever the driver rejected with once we aborted, the abort reason is the real story.
    if (limit.signal.aborted) throw limit.signal.reason;
    throw error;
  } finally {
    limit.dispose();
  }
}

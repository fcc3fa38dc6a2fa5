import { randomBytes } from 'node:crypto';
import { RequestTimeoutError } from '@multicloud/core';
import type { CallOptions } from '../compute-driver.js';
import type { Node } from '../models.js';
import type { DeploymentChannel } from './deployment-channel.js';
import type { DeploymentStepResult } from './deployment-result.js';
import { DeploymentStepError } from './deployment-step-error.js';
import {
  flattenDeployment,
  validateDeployment,
  type Deployment,
  type DeploymentStep,
  type FileDeployment,
  type ScriptDeployment,
  type SshKeyDeployment,
} from './deployment.js';
import { shellCommand, shellQuote } from './shell-quote.js';

/**
 * Appends the key given as `$1` to `~/.ssh/authorized_keys` unless that exact line is there, creating the directory
 * (0700) and file (0600) as needed and ending an unterminated last line first. Fed to `sh -s` on standard input so
 * it runs in a POSIX shell whatever the login shell is.
 */
const ADD_AUTHORIZED_KEY = `set -e
umask 077
mkdir -p "$HOME/.ssh"
chmod 700 "$HOME/.ssh"
file="$HOME/.ssh/authorized_keys"
touch "$file"
chmod 600 "$file"
if ! grep -qxF -- "$1" "$file"; then
  if [ -s "$file" ] && [ -n "$(tail -c 1 "$file")" ]; then echo >> "$file"; fi
  printf '%s\\n' "$1" >> "$file"
fi
`;

/** A step's outcome that is a success only when its exit status is 0. */
type StepOutcome = Omit<DeploymentStepResult, 'step'>;

const NO_OUTPUT: StepOutcome = Object.freeze({ stdout: '', stderr: '', exitStatus: 0 });

async function runScript(step: ScriptDeployment, channel: DeploymentChannel, signal: AbortSignal | undefined): Promise<StepOutcome> {
  const path = step.name ?? `.multicloud-deploy-${randomBytes(8).toString('hex')}.sh`;
  await channel.upload({ content: step.script }, path, { mode: 0o700, signal });
  try {
    return await channel.run(shellCommand([path.startsWith('/') ? path : `./${path}`, ...(step.args ?? [])]), { signal });
  } finally {
    if (step.delete !== false && !signal?.aborted) {
      // Best effort: a leftover script is not worth failing a deployment for.
      await channel.run(`rm -f -- ${shellQuote(path)}`).catch(() => undefined);
    }
  }
}

async function runFile(step: FileDeployment, channel: DeploymentChannel, signal: AbortSignal | undefined): Promise<StepOutcome> {
  await channel.upload(step.source, step.target, { mode: step.mode, signal });
  return NO_OUTPUT;
}

function runSshKey(step: SshKeyDeployment, channel: DeploymentChannel, signal: AbortSignal | undefined): Promise<StepOutcome> {
  return channel.run(shellCommand(['sh', '-s', '--', step.publicKey.trim()]), { stdin: ADD_AUTHORIZED_KEY, signal });
}

function runStep(step: DeploymentStep, channel: DeploymentChannel, signal: AbortSignal | undefined): Promise<StepOutcome> {
  switch (step.kind) {
    case 'script': return runScript(step, channel, signal);
    case 'file': return runFile(step, channel, signal);
    case 'sshKey': return runSshKey(step, channel, signal);
  }
}

/** `exited with status 3`, `was killed by signal KILL`, `ended without an exit status`. */
function describeFailure(outcome: StepOutcome): string {
  if (outcome.exitStatus !== null) return `exited with status ${outcome.exitStatus}`;
  return outcome.exitSignal === undefined ? 'ended without an exit status' : `was killed by signal ${outcome.exitSignal}`;
}

/**
 * Carries out a deployment over an open channel, step by step, stopping at the first failure. This is what
 * `deployNode` does once connected; call it directly to deploy over a channel of your own.
 *
 * @param node - the node the channel leads to (carried by errors)
 * @param deployment - what to do; checked first
 * @param channel - where to do it; left open
 * @param options - abort signal: stops the running step and skips the rest
 * @returns one result per step, in order
 * @throws ValidationError for an invalid deployment, before anything runs
 * @throws DeploymentStepError (a `DeploymentError`) carrying the node, the failed step and the results so far, when a
 * step exits with a non-zero status or none, fails to upload, or is aborted (`cause`: the abort reason or the error)
 */
export async function runDeployment(
  node: Node,
  deployment: Deployment,
  channel: DeploymentChannel,
  options: CallOptions = {},
): Promise<DeploymentStepResult[]> {
  validateDeployment(deployment);
  const { signal } = options;
  const results: DeploymentStepResult[] = [];
  const steps = flattenDeployment(deployment);
  for (const [stepIndex, step] of steps.entries()) {
    let outcome: StepOutcome;
    try {
      signal?.throwIfAborted();
      outcome = await runStep(step, channel, signal);
    } catch (error) {
      const aborted = signal?.aborted === true;
      const reason = !aborted
        ? `failed: ${error instanceof Error ? error.message : String(error)}`
        : RequestTimeoutError.isInstance(signal.reason) ? 'timed out' : 'was aborted';
      throw new DeploymentStepError(node, { step, stepIndex, results, reason }, { cause: aborted ? signal.reason : error });
    }
    results.push(Object.freeze({ step, ...outcome }));
    if (outcome.exitStatus !== 0) {
      throw new DeploymentStepError(node, { step, stepIndex, results, reason: describeFailure(outcome) });
    }
  }
  return results;
}

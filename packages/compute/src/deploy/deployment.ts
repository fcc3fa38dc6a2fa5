/**
 * Deployments are plain, frozen data: what to do on a node, not how. The functions named like the types build and
 * check them (`ScriptDeployment({ script })` returns a `ScriptDeployment` value); `runDeployment` carries them out
 * over any `DeploymentChannel`. Object literals with the right `kind` work too and are checked before running.
 */
import { ValidationError } from '@multicloud/core';
import type { UploadSource } from './deployment-channel.js';

/** Runs a shell script on the node: uploads it, makes it executable, runs it, and deletes it afterwards. */
export interface ScriptDeployment {
  /** Discriminant. */
  readonly kind: 'script';
  /** The script's text; start it with a shebang (`#!/bin/sh`, `#!/usr/bin/env python3`) to choose the interpreter. */
  readonly script: string;
  /**
   * Where to put the script: an absolute path, or one relative to the login directory. Default: a random hidden
   * name in the login directory (not `/tmp`, which hardened images mount `noexec`).
   */
  readonly name?: string | undefined;
  /** Arguments, each passed as one word (quoted for the shell). */
  readonly args?: readonly string[] | undefined;
  /** Delete the script after running it (best effort); default `true`. */
  readonly delete?: boolean | undefined;
}

/** Uploads one file to the node. */
export interface FileDeployment {
  /** Discriminant. */
  readonly kind: 'file';
  /** The bytes: `{ content }` in memory, or `{ path }` of a local file. */
  readonly source: UploadSource;
  /** Remote path: absolute, or relative to the login directory. Its directory must exist. */
  readonly target: string;
  /** Permission bits of the remote file, e.g. `0o644`. */
  readonly mode?: number | undefined;
}

/** Adds a public key to the login user's `~/.ssh/authorized_keys` (once: running it again changes nothing). */
export interface SshKeyDeployment {
  /** Discriminant. */
  readonly kind: 'sshKey';
  /** One OpenSSH public key line, e.g. `ssh-ed25519 AAAA… me@laptop`. */
  readonly publicKey: string;
}

/** Runs several deployments in order, stopping at the first failure. */
export interface MultiStepDeployment {
  /** Discriminant. */
  readonly kind: 'multiStep';
  /** The deployments, run in this order; they may nest. */
  readonly steps: readonly Deployment[];
}

/** Anything `deployNode` can deploy. */
export type Deployment = ScriptDeployment | FileDeployment | SshKeyDeployment | MultiStepDeployment;

/** A deployment that is one step (anything but a {@link (MultiStepDeployment:interface)}). */
export type DeploymentStep = Exclude<Deployment, MultiStepDeployment>;

/** Options of {@link (ScriptDeployment:interface)}. */
export type ScriptDeploymentOptions = Omit<ScriptDeployment, 'kind'>;
/** Options of {@link (FileDeployment:interface)}. */
export type FileDeploymentOptions = Omit<FileDeployment, 'kind'>;
/** Options of {@link (SshKeyDeployment:interface)}. */
export type SshKeyDeploymentOptions = Omit<SshKeyDeployment, 'kind'>;

/**
 * Builds a {@link (ScriptDeployment:interface)}.
 * @throws ValidationError for an empty script, a bad name or non-string arguments
 * @example
 * ```ts
 * const install = ScriptDeployment({ script: '#!/bin/sh\napt-get install -y nginx\n' });
 * ```
 */
export function ScriptDeployment(options: ScriptDeploymentOptions): ScriptDeployment {
  return checked({ ...options, kind: 'script', ...(options.args ? { args: Object.freeze([...options.args]) } : {}) });
}

/**
 * Builds a {@link (FileDeployment:interface)}.
 * @throws ValidationError for a missing source, an empty target or a bad mode
 * @example
 * ```ts
 * const config = FileDeployment({ source: { content: 'port=8080\n' }, target: '/etc/app.conf', mode: 0o644 });
 * ```
 */
export function FileDeployment(options: FileDeploymentOptions): FileDeployment {
  return checked({ ...options, kind: 'file', source: Object.freeze({ ...options.source }) });
}

/**
 * Builds an {@link (SshKeyDeployment:interface)}; surrounding white space of the key is dropped.
 * @throws ValidationError unless `publicKey` is one non-empty line
 */
export function SshKeyDeployment(options: SshKeyDeploymentOptions): SshKeyDeployment {
  return checked({ kind: 'sshKey', publicKey: typeof options.publicKey === 'string' ? options.publicKey.trim() : options.publicKey });
}

/**
 * Builds a {@link (MultiStepDeployment:interface)}.
 * @param steps - run in this order
 * @throws ValidationError when a step is invalid
 */
export function MultiStepDeployment(steps: readonly Deployment[]): MultiStepDeployment {
  return checked({ kind: 'multiStep', steps: Object.freeze([...steps]) });
}

function checked<T extends Deployment>(deployment: T): T {
  validateDeployment(deployment);
  return Object.freeze(deployment);
}

/** A remote path: non-empty, one line, no NUL, no `~` (SFTP does not expand it; use a relative path). */
function checkRemotePath(argument: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw new ValidationError(argument, 'must be a non-empty path');
  if (/[\0\r\n]/.test(value)) throw new ValidationError(argument, 'must not contain NUL or line breaks');
  if (value.startsWith('~')) throw new ValidationError(argument, 'must not start with "~"; use a path relative to the login directory');
}

/**
 * Checks a deployment (nested steps included) before anything runs.
 * @param deployment - the deployment to check
 * @param argument - its name in error messages
 * @throws ValidationError naming the bad field, e.g. `deployment.steps[1].target`
 */
export function validateDeployment(deployment: Deployment, argument = 'deployment'): void {
  if (typeof deployment !== 'object' || deployment === null) throw new ValidationError(argument, 'must be a deployment');
  switch (deployment.kind) {
    case 'script':
      if (typeof deployment.script !== 'string' || deployment.script.trim() === '') {
        throw new ValidationError(`${argument}.script`, 'must be a non-empty string');
      }
      if (deployment.name !== undefined) checkRemotePath(`${argument}.name`, deployment.name);
      if (deployment.args !== undefined && (!Array.isArray(deployment.args) || deployment.args.some((arg) => typeof arg !== 'string' || arg.includes('\0')))) {
        throw new ValidationError(`${argument}.args`, 'must be an array of strings without NUL');
      }
      return;
    case 'file': {
      const source: unknown = deployment.source;
      const ok = typeof source === 'object' && source !== null && (
        ('content' in source && (typeof source.content === 'string' || source.content instanceof Uint8Array))
        || ('path' in source && typeof source.path === 'string' && source.path !== ''));
      if (!ok) throw new ValidationError(`${argument}.source`, 'must be { content: string | Uint8Array } or { path: string }');
      checkRemotePath(`${argument}.target`, deployment.target);
      if (deployment.mode !== undefined && (!Number.isInteger(deployment.mode) || deployment.mode < 0 || deployment.mode > 0o7777)) {
        throw new ValidationError(`${argument}.mode`, `must be permission bits between 0 and 0o7777, got ${String(deployment.mode)}`);
      }
      return;
    }
    case 'sshKey':
      if (typeof deployment.publicKey !== 'string' || deployment.publicKey.trim() === '' || /[\0\r\n]/.test(deployment.publicKey.trim())) {
        throw new ValidationError(`${argument}.publicKey`, 'must be one non-empty OpenSSH public key line');
      }
      return;
    case 'multiStep':
      if (!Array.isArray(deployment.steps)) throw new ValidationError(`${argument}.steps`, 'must be an array of deployments');
      deployment.steps.forEach((step, index) => validateDeployment(step, `${argument}.steps[${index}]`));
      return;
    default:
      throw new ValidationError(`${argument}.kind`, `must be script, file, sshKey or multiStep, got ${String((deployment as { kind?: unknown }).kind)}`);
  }
}

/** The steps of a deployment in running order, nested multi-step deployments flattened. */
export function flattenDeployment(deployment: Deployment): DeploymentStep[] {
  return deployment.kind === 'multiStep' ? deployment.steps.flatMap(flattenDeployment) : [deployment];
}

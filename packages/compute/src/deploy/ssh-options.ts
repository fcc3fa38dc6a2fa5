import { ValidationError, validateTimeout } from '@multicloud/core';
import { loadSsh2 } from './ssh2-module.js';

/** Default of {@link SshOptions.connectTimeoutMs}: 20 seconds. */
export const DEFAULT_SSH_CONNECT_TIMEOUT_MS = 20_000;
/** Default of {@link SshOptions.readyTimeoutMs}: 5 minutes. */
export const DEFAULT_SSH_READY_TIMEOUT_MS = 300_000;

/**
 * How `deployNode` logs in to the node over SSH. Give `privateKey`, `password`, or both (the key is tried first).
 * Secrets are only handed to the SSH client: they never appear in errors or results.
 */
export interface SshOptions {
  /** Login user; default `root`. */
  readonly username?: string | undefined;
  /** Users to try, in order, when the server refuses `username` (images differ: `ubuntu`, `ec2-user`, `admin`, …). */
  readonly alternateUsernames?: readonly string[] | undefined;
  /** Private key in OpenSSH or PEM format. */
  readonly privateKey?: string | Uint8Array | undefined;
  /** Passphrase of an encrypted `privateKey`. */
  readonly passphrase?: string | undefined;
  /** Password. */
  readonly password?: string | undefined;
  /** SSH port; default 22. */
  readonly port?: number | undefined;
  /** Address to connect to; default: the node's first public IP, else its first private IP. */
  readonly host?: string | undefined;
  /** Limit of one connection attempt (TCP, handshake and login), in milliseconds; default 20 s. */
  readonly connectTimeoutMs?: number | undefined;
  /**
   * How long to keep retrying, with growing pauses, while the SSH port does not answer (the node is still booting), in
   * milliseconds; default 5 minutes. A refused login is not retried: it moves on to the next username.
   */
  readonly readyTimeoutMs?: number | undefined;
  /**
   * Decides whether to trust the server's host key (the raw public key blob). Default: every key is accepted, which
   * suits a node created a moment ago whose key nobody knows yet; pass a check when you do know it.
   */
  readonly verifyHostKey?: ((key: Uint8Array) => boolean) | undefined;
}

/**
 * Checks SSH options before anything is created or connected.
 * @throws ValidationError naming the bad field; for a private key that cannot be parsed, the reason only (never the key)
 */
export async function validateSshOptions(ssh: SshOptions, argument = 'ssh'): Promise<void> {
  const names = [ssh.username, ...(ssh.alternateUsernames ?? [])];
  if (ssh.alternateUsernames !== undefined && !Array.isArray(ssh.alternateUsernames)) {
    throw new ValidationError(`${argument}.alternateUsernames`, 'must be an array of user names');
  }
  names.forEach((name, index) => {
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || /[\0\s]/.test(name))) {
      const field = index === 0 ? 'username' : `alternateUsernames[${index - 1}]`;
      throw new ValidationError(`${argument}.${field}`, 'must be a non-empty user name without white space');
    }
  });
  if (ssh.port !== undefined && (!Number.isInteger(ssh.port) || ssh.port < 1 || ssh.port > 65_535)) {
    throw new ValidationError(`${argument}.port`, `must be a whole number from 1 to 65535, got ${String(ssh.port)}`);
  }
  if (ssh.host !== undefined && (typeof ssh.host !== 'string' || ssh.host.trim() === '')) {
    throw new ValidationError(`${argument}.host`, 'must be a non-empty host name or address');
  }
  validateTimeout(ssh.connectTimeoutMs, `${argument}.connectTimeoutMs`);
  validateTimeout(ssh.readyTimeoutMs, `${argument}.readyTimeoutMs`);
  if (ssh.privateKey === undefined && ssh.password === undefined) {
    throw new ValidationError(argument, 'needs a privateKey or a password');
  }
  if (ssh.password !== undefined && typeof ssh.password !== 'string') throw new ValidationError(`${argument}.password`, 'must be a string');
  if (ssh.privateKey !== undefined) {
    if (typeof ssh.privateKey !== 'string' && !(ssh.privateKey instanceof Uint8Array)) {
      throw new ValidationError(`${argument}.privateKey`, 'must be a string or bytes');
    }
    const key = typeof ssh.privateKey === 'string' ? ssh.privateKey : Buffer.from(ssh.privateKey);
    const { utils } = await loadSsh2();
    const parsed = utils.parseKey(key, ssh.passphrase);
    // ssh2's parse errors describe the format problem only; still, keep just their first line, never the input.
    if (parsed instanceof Error) {
      throw new ValidationError(`${argument}.privateKey`, `cannot be parsed: ${parsed.message.split('\n')[0] ?? 'unknown format'}`);
    }
  }
}

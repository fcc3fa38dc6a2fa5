import { RequestTimeoutError } from '@multicloud/core';
import type { Client, ConnectConfig } from 'ssh2';
import { DeploymentError } from '../compute-errors.js';
import type { Node } from '../models.js';
import { deadline, abortableSleep as delay } from '@multicloud/core';
import type { DeploymentChannel } from './deployment-channel.js';
import { sshChannel } from './ssh-channel.js';
import { loadSsh2 } from './ssh2-module.js';
import { DEFAULT_SSH_CONNECT_TIMEOUT_MS, DEFAULT_SSH_READY_TIMEOUT_MS, type SshOptions } from './ssh-options.js';

/** First pause between attempts while the port does not answer; doubles up to {@link MAX_RETRY_DELAY_MS}. */
const FIRST_RETRY_DELAY_MS = 250;
const MAX_RETRY_DELAY_MS = 5_000;
/** Keepalives find a dead connection during a long script: ~45 s of silence ends it. */
const KEEPALIVE_INTERVAL_MS = 15_000;

/** An ssh2 error with the `level` it tags errors with (`client-socket`, `client-authentication`, `handshake`, …). */
type LeveledError = Error & { level?: unknown };

/** The server refused this user with these credentials: try the next username. */
function isAuthFailure(error: unknown): boolean {
  return (error as LeveledError | undefined)?.level === 'client-authentication';
}

/**
 * Not worth retrying: the host key was rejected, no algorithms in common, or a configuration ssh2 refuses. Everything
 * else (refused or reset connections, timeouts, DNS) may be a node still booting.
 */
function isFatal(error: unknown): boolean {
  const level = (error as LeveledError | undefined)?.level;
  return level === 'handshake' || level === 'client-config';
}

/** The address `deployNode` connects to, or undefined when the node has none. */
export function sshHost(node: Node, ssh: SshOptions): string | undefined {
  return ssh.host ?? node.publicIps[0] ?? node.privateIps[0];
}

/** One connection attempt as one user; resolves with the authenticated client. */
function connectOnce(SshClient: typeof Client, config: ConnectConfig, signal: AbortSignal): Promise<Client> {
  signal.throwIfAborted();
  return new Promise<Client>((resolve, reject) => {
    const client = new SshClient();
    const onAbort = (): void => {
      client.destroy();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    client.once('ready', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(client);
    });
    client.once('error', (error: Error) => {
      signal.removeEventListener('abort', onAbort);
      client.destroy();
      reject(error);
    });
    try {
      client.connect(config);
      // Deployments are chatty request/response exchanges: Nagle's algorithm against delayed ACKs costs ~40 ms each.
      client.setNoDelay(true);
    } catch (error) {
      // A configuration ssh2 refuses synchronously will not get better by retrying.
      signal.removeEventListener('abort', onAbort);
      reject(Object.assign(error instanceof Error ? error : new Error(String(error)), { level: 'client-config' }));
    }
  });
}

/**
 * Connects to the node over SSH: retries with growing pauses while the port does not answer (bounded by
 * `readyTimeoutMs`), and tries `username`, then each alternate username, when the server refuses the login.
 * Internal to `deployNode`.
 *
 * @throws DeploymentError carrying the node when no username is accepted, the port never answers (`cause`: a
 * `RequestTimeoutError` whose own cause is the last connection error), or the handshake fails; messages name host,
 * port and usernames, never a secret
 * @throws `signal.reason` when `signal` aborts
 */
export async function connectSsh(node: Node, ssh: SshOptions, signal: AbortSignal): Promise<DeploymentChannel> {
  const host = sshHost(node, ssh);
  if (host === undefined) throw new DeploymentError(node, 'node has no IP address to connect to over SSH; set ssh.host');
  const port = ssh.port ?? 22;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const usernames = [...new Set([ssh.username ?? 'root', ...(ssh.alternateUsernames ?? [])])];
  const readyTimeoutMs = ssh.readyTimeoutMs ?? DEFAULT_SSH_READY_TIMEOUT_MS;
  const verifyHostKey = ssh.verifyHostKey;
  const { Client: SshClient } = await loadSsh2();
  let lastError: unknown;
  const ready = deadline(signal, readyTimeoutMs, () => new RequestTimeoutError({
    provider: node.provider,
    timeoutMs: readyTimeoutMs,
    what: `SSH answer from ${where}`,
    cause: lastError,
  }));
  const config = (username: string): ConnectConfig => ({
    host,
    port,
    username,
    ...(ssh.privateKey === undefined ? {} : { privateKey: typeof ssh.privateKey === 'string' ? ssh.privateKey : Buffer.from(ssh.privateKey) }),
    ...(ssh.passphrase === undefined ? {} : { passphrase: ssh.passphrase }),
    ...(ssh.password === undefined ? {} : { password: ssh.password }),
    ...(verifyHostKey === undefined ? {} : { hostVerifier: (key: Buffer) => verifyHostKey(new Uint8Array(key)) }),
    readyTimeout: ssh.connectTimeoutMs ?? DEFAULT_SSH_CONNECT_TIMEOUT_MS,
    keepaliveInterval: KEEPALIVE_INTERVAL_MS,
    keepaliveCountMax: 3,
    tryKeyboard: false,
  });

  try {
    for (let attempt = 1; ; attempt++) {
      let unanswered = false;
      for (const username of usernames) {
        try {
          return sshChannel(await connectOnce(SshClient, config(username), ready.signal));
        } catch (error) {
          if (ready.signal.aborted) throw error;
          lastError = error;
          if (isAuthFailure(error)) continue;
          if (isFatal(error)) throw new DeploymentError(node, `SSH connection to ${where} failed: ${(error as Error).message}`, { cause: error });
          unanswered = true;
          break;
        }
      }
      if (!unanswered) {
        throw new DeploymentError(node, `SSH login to ${where} refused for ${usernames.length === 1 ? 'user' : 'users'} ${usernames.join(', ')}`, { cause: lastError });
      }
      await delay(Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1)), ready.signal);
    }
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    if (ready.signal.aborted) {
      throw new DeploymentError(node, `SSH at ${where} did not answer within ${readyTimeoutMs} ms`, { cause: ready.signal.reason });
    }
    throw error;
  } finally {
    ready.dispose();
  }
}

import type { Client, SFTPWrapper } from 'ssh2';
import { raceAbort } from '@multicloud/core';
import type { CommandResult, DeploymentChannel, RunCommandOptions, UploadOptions, UploadSource } from './deployment-channel.js';

/** How long `close()` waits for the server to close the connection before dropping the socket. */
const CLOSE_GRACE_MS = 2_000;

/** Runs `operation` (an ssh2 call taking a Node-style callback) as a promise. */
function callback<T = void>(operation: (done: (error: Error | null | undefined, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    operation((error, value) => (error ? reject(error) : resolve(value as T)));
  });
}

/** Runs one command on an exec channel, collecting output until the channel closes. */
function exec(client: Client, command: string, options: RunCommandOptions): Promise<CommandResult> {
  const { stdin, signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<CommandResult>((resolve, reject) => {
    let close: (() => void) | undefined;
    const onAbort = (): void => {
      close?.();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal?.removeEventListener('abort', onAbort);
    client.exec(command, (error, stream) => {
      if (error) {
        settle();
        reject(error);
        return;
      }
      close = () => stream.close();
      if (signal?.aborted) close();
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let exitStatus: number | null = null;
      let exitSignal: string | undefined;
      stream.on('data', (chunk: Buffer) => stdout.push(chunk));
      stream.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      stream.on('exit', (code: number | null, killedBy?: string) => {
        exitStatus = typeof code === 'number' ? code : null;
        exitSignal = typeof killedBy === 'string' ? killedBy : undefined;
      });
      stream.on('error', (streamError: Error) => {
        settle();
        reject(streamError);
      });
      stream.on('close', () => {
        settle();
        resolve({
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitStatus,
          ...(exitSignal === undefined ? {} : { exitSignal }),
        });
      });
      stream.end(stdin === undefined ? undefined : Buffer.from(stdin));
    });
  });
}

/**
 * A {@link DeploymentChannel} over an authenticated ssh2 connection: commands over exec channels, files over one SFTP
 * session opened on first use. Internal to the deploy helpers.
 */
export function sshChannel(client: Client): DeploymentChannel {
  let sftp: Promise<SFTPWrapper> | undefined;
  let closed = false;
  const whenClosed = new Promise<void>((resolve) => client.once('close', () => {
    closed = true;
    resolve();
  }));
  // After "ready", a dropped connection reports through 'error' too; the failing operation reports it to the caller.
  client.on('error', () => undefined);

  const upload = async (source: UploadSource, remotePath: string, options: UploadOptions): Promise<void> => {
    sftp ??= callback<SFTPWrapper>((done) => client.sftp(done));
    const session = await sftp;
    const mode = options.mode;
    if ('content' in source) {
      const data = typeof source.content === 'string' ? Buffer.from(source.content, 'utf8') : Buffer.from(source.content);
      await callback((done) => session.writeFile(remotePath, data, mode === undefined ? {} : { mode }, done));
    } else {
      await callback((done) => session.fastPut(source.path, remotePath, mode === undefined ? {} : { mode }, done));
    }
    // The mode given at creation is filtered by the server's umask and ignored for an existing file: set it exactly.
    if (mode !== undefined) await callback((done) => session.chmod(remotePath, mode, done));
  };

  return {
    run: (command, options = {}) => exec(client, command, options),
    upload: (source, remotePath, options = {}) => {
      const uploading = upload(source, remotePath, options);
      return options.signal ? raceAbort(uploading, options.signal) : uploading;
    },
    close: async () => {
      if (closed) return;
      client.end();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([whenClosed, new Promise<void>((resolve) => { timer = setTimeout(resolve, CLOSE_GRACE_MS); })]);
      clearTimeout(timer);
      if (!closed) client.destroy();
    },
  };
}

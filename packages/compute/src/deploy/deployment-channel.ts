import type { Node } from '../models.js';

/** What a command printed and how it ended. */
export interface CommandResult {
  /** Everything the command wrote to standard output, decoded as UTF-8. */
  readonly stdout: string;
  /** Everything the command wrote to standard error, decoded as UTF-8. */
  readonly stderr: string;
  /** The exit status; `null` when the command ended without one (killed by a signal, or the channel closed). */
  readonly exitStatus: number | null;
  /** The signal that killed the command, e.g. `KILL`, when one did. */
  readonly exitSignal?: string | undefined;
}

/** Options of {@link DeploymentChannel.run}. */
export interface RunCommandOptions {
  /** Written to the command's standard input, which is then closed (it is closed at once without this). */
  readonly stdin?: string | Uint8Array | undefined;
  /** Stops waiting for the command and closes its channel. */
  readonly signal?: AbortSignal | undefined;
}

/** Bytes to upload: given in memory, or read from a local file. */
export type UploadSource = { readonly content: string | Uint8Array } | { readonly path: string };

/** Options of {@link DeploymentChannel.upload}. */
export interface UploadOptions {
  /** Permission bits the remote file gets, e.g. `0o755`; without it new files get the remote default. */
  readonly mode?: number | undefined;
  /** Stops waiting for the upload. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Where deployment steps run: a connection to a node that runs shell commands and receives files. `deployNode` opens
 * one over SSH; other transports (a local shell for a local provider, a cloud's run-command API) implement the same
 * three methods and run the same deployments.
 *
 * @remarks
 * Contract:
 * - `run` runs a command line in a POSIX shell, starting in the same directory that relative upload paths resolve
 *   against (over SSH: the login user's home directory). It resolves with the result whatever the exit status, and
 *   rejects only when the command could not be run or awaited at all.
 * - `upload` writes the file whole (creating or truncating it) and, when `mode` is given, sets exactly those bits,
 *   also on an existing file. It does not create missing parent directories.
 * - `close` releases the connection; calling it twice is harmless and it never rejects.
 */
export interface DeploymentChannel {
  /**
   * Runs a shell command line and collects its output.
   * @param command - the command line, quoted for a POSIX shell
   * @param options - standard input and abort signal
   */
  run(command: string, options?: RunCommandOptions): Promise<CommandResult>;
  /**
   * Writes a file on the node.
   * @param source - the bytes, in memory or from a local file
   * @param remotePath - absolute, or relative to the directory `run` starts in
   * @param options - permission bits and abort signal
   */
  upload(source: UploadSource, remotePath: string, options?: UploadOptions): Promise<void>;
  /** Closes the connection. */
  close(): Promise<void>;
}

/** Options passed to a {@link DeploymentChannelFactory}. */
export interface DeploymentChannelFactoryOptions {
  /** Aborts when the deployment is aborted or times out; stop connecting then. */
  readonly signal: AbortSignal;
}

/**
 * Opens a {@link DeploymentChannel} to a running node; `deployNode` calls it instead of connecting over SSH when given
 * one, and closes the channel when the deployment ends.
 */
export type DeploymentChannelFactory = (node: Node, options: DeploymentChannelFactoryOptions) => Promise<DeploymentChannel>;

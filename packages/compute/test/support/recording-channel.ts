import type { CommandResult, DeploymentChannel, RunCommandOptions, UploadOptions, UploadSource } from '../../src/deploy/deployment-channel.js';

/** One call a {@link RecordingChannel} saw. */
export type ChannelCall =
  | { readonly op: 'run'; readonly command: string; readonly stdin: string | undefined }
  | { readonly op: 'upload'; readonly source: UploadSource; readonly path: string; readonly mode: number | undefined }
  | { readonly op: 'close' };

/** A test double of a deployment channel: records every call and answers commands through `respond`. */
export interface RecordingChannel extends DeploymentChannel {
  /** Every call, in order. */
  readonly calls: ChannelCall[];
}

/** Makes a recording channel; `respond` decides what each command returns (default: exit 0, no output). */
export function recordingChannel(
  respond: (command: string, options: RunCommandOptions) => CommandResult | Promise<CommandResult> = () => ({ stdout: '', stderr: '', exitStatus: 0 }),
): RecordingChannel {
  const calls: ChannelCall[] = [];
  return {
    calls,
    run: async (command, options = {}) => {
      const stdin = options.stdin === undefined ? undefined : Buffer.from(options.stdin).toString('utf8');
      calls.push({ op: 'run', command, stdin });
      return respond(command, options);
    },
    upload: async (source: UploadSource, path: string, options: UploadOptions = {}) => {
      calls.push({ op: 'upload', source, path, mode: options.mode });
    },
    close: async () => {
      calls.push({ op: 'close' });
    },
  };
}

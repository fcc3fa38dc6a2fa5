import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ValidationError, assertNonEmptyString } from '@multicloud/core';
import type { DeploymentChannel, Node, UploadSource } from '@multicloud/compute';
import { localComputeError } from './local-compute-errors.js';
import { requireOwnedSupervisor, type LocalComputeContext } from './local-node-lifecycle.js';
import { ownRecord } from './local-nodes.js';

/**
 * Resolves an upload path inside the node's working directory (relative paths resolve against it; absolute paths must
 * point into it).
 * @throws ValidationError for a path outside the working directory
 */
export function pathInside(home: string, remotePath: string): string {
  assertNonEmptyString('remotePath', remotePath);
  if (remotePath.includes('\0')) throw new ValidationError('remotePath', 'must not contain NUL');
  const target = resolve(home, remotePath);
  const inside = relative(home, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new ValidationError('remotePath', `${JSON.stringify(remotePath)} is outside the node's working directory ${home}; local nodes accept paths inside it (relative paths are)`);
  }
  return target;
}

async function writeUpload(source: UploadSource, target: string, signal: AbortSignal | undefined): Promise<void> {
  if ('content' in source) {
    await writeFile(target, source.content, signal ? { signal } : {});
    return;
  }
  const output = createWriteStream(target);
  const input = createReadStream(source.path);
  await (signal ? pipeline(input, output, { signal }) : pipeline(input, output));
}

/**
 * Opens the local deployment channel of a running node, the local stand-in for SSH: `run` runs `/bin/sh -c` through
 * the node's supervisor, in its working directory, with its environment, inside its process group (so whatever a
 * command leaves running in the background is stopped with the node); `upload` writes files into the working
 * directory directly. Only the program that started the node can open one.
 * @throws ProviderError `NodeNotRunning` / `NodeOwnedElsewhere`; ValidationError for a foreign node; NodeDoesNotExistError
 */
export async function openLocalChannel(context: LocalComputeContext, node: Node, options: { readonly signal?: AbortSignal | undefined } = {}): Promise<DeploymentChannel> {
  const record = await ownRecord(context, node);
  options.signal?.throwIfAborted();
  await requireOwnedSupervisor(context, record.id);
  const home = context.layout.home(record.id);
  let closed = false;
  const ensureOpen = (): void => {
    if (closed) throw localComputeError('NodeNotRunning', `the channel to node ${record.id} is closed`);
  };
  return {
    async run(command, runOptions = {}) {
      ensureOpen();
      if (typeof command !== 'string' || command.trim() === '' || command.includes('\0')) throw new ValidationError('command', 'must be a non-empty command line without NUL');
      const supervisor = await requireOwnedSupervisor(context, record.id);
      return supervisor.run(command, runOptions);
    },
    async upload(source, remotePath, uploadOptions = {}) {
      ensureOpen();
      const target = pathInside(home, remotePath);
      uploadOptions.signal?.throwIfAborted();
      await writeUpload(source, target, uploadOptions.signal);
      if (uploadOptions.mode !== undefined) await chmod(target, uploadOptions.mode);
    },
    async close() {
      closed = true;
    },
  };
}

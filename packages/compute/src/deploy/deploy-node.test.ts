import { RequestTimeoutError, ValidationError } from '@multicloud/core';
import { describe, expect, it, vi } from 'vitest';
import { recordingChannel } from '../../test/support/recording-channel.js';
import type { CreateNodeOptions } from '../compute-driver.js';
import { DeploymentError } from '../compute-errors.js';
import type { Node, NodeImage, NodeSize } from '../models.js';
import { deployNode, type DeployDriver } from './deploy-node.js';
import { DeploymentStepError } from './deployment-step-error.js';
import { ScriptDeployment } from './deployment.js';

const size: NodeSize = { id: 's', name: 'S', ram: 1, disk: 1, extra: {} };
const image: NodeImage = { id: 'i', name: 'I', extra: {} };
const pending: Node = { id: 'n-1', name: 'web', state: 'pending', publicIps: [], privateIps: [], provider: 'fake', extra: {} };
const running: Node = { ...pending, state: 'running', publicIps: ['203.0.113.7'] };

/** A driver that creates `pending` and lists it as running. */
function fakeDriver(listed: readonly Node[] = [running]): DeployDriver & { created: CreateNodeOptions[] } {
  const created: CreateNodeOptions[] = [];
  return {
    provider: 'fake',
    created,
    createNode: async (options) => {
      created.push(options);
      return pending;
    },
    listNodes: async () => [...listed],
  };
}

const deployment = ScriptDeployment({ script: 'echo hi', name: 'hi.sh', delete: false });

describe('deployNode over a custom channel', () => {
  it('creates the node, waits for it, runs the deployment over the channel and closes it', async () => {
    const driver = fakeDriver();
    const channel = recordingChannel(() => ({ stdout: 'hi\n', stderr: '', exitStatus: 0 }));
    const factory = vi.fn(async () => channel);
    const result = await deployNode(driver, { node: { name: 'web', size, image }, deployment, channel: factory });

    expect(driver.created).toHaveLength(1);
    expect(driver.created[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(factory).toHaveBeenCalledWith(running, { signal: expect.any(AbortSignal) });
    expect(result.node).toBe(running);
    expect(result.results).toEqual([{ step: deployment, stdout: 'hi\n', stderr: '', exitStatus: 0 }]);
    expect(channel.calls.at(-1)).toEqual({ op: 'close' });
  });

  it('uses an existing node without creating one, and needs no address with a custom channel', async () => {
    const local: Node = { ...running, publicIps: [], privateIps: [] };
    const driver = fakeDriver([local]);
    const result = await deployNode(driver, { node: pending, deployment, channel: async () => recordingChannel() });
    expect(driver.created).toEqual([]);
    expect(result.node).toBe(local);
  });

  it('passes a createNode failure through as it is: there is no node to carry', async () => {
    const failure = new Error('quota exceeded');
    const driver = { ...fakeDriver(), createNode: () => Promise.reject(failure) };
    await expect(deployNode(driver, { node: { name: 'web', size, image }, deployment, channel: async () => recordingChannel() })).rejects.toBe(failure);
  });

  it('turns a failing channel factory into a DeploymentError carrying the node', async () => {
    const cause = new Error('spawn failed');
    const error = await deployNode(fakeDriver(), { node: pending, deployment, channel: () => Promise.reject(cause) }).catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as DeploymentError).node).toBe(running);
    expect((error as Error).message).toBe('deployment to node web (n-1) failed: spawn failed');
    expect((error as Error).cause).toBe(cause);
  });

  it('times out with a DeploymentStepError whose cause is a RequestTimeoutError, and still closes the channel', async () => {
    const channel = recordingChannel((_command, options) => new Promise((_resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
    }));
    const error = await deployNode(fakeDriver(), { node: pending, deployment, channel: async () => channel, timeoutMs: 50 }).catch((e: unknown) => e);
    expect(DeploymentStepError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('step 1 (script hi.sh) timed out');
    expect(RequestTimeoutError.isInstance((error as Error).cause)).toBe(true);
    expect(channel.calls.at(-1)).toEqual({ op: 'close' });
  });

  it('turns an abort while waiting for the node into a DeploymentError carrying it, with the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new Error('user stop');
    const driver = fakeDriver([pending]);
    setTimeout(() => controller.abort(reason), 20);
    const error = await deployNode(driver, { node: pending, deployment, channel: async () => recordingChannel(), signal: controller.signal, pollIntervalMs: 5 })
      .catch((e: unknown) => e);
    expect(DeploymentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe('deployment to node web (n-1) failed: aborted');
    expect((error as Error).cause).toBe(reason);
  });

  it('checks its options before creating anything', async () => {
    const driver = fakeDriver();
    const node = { name: 'web', size, image };
    await expect(deployNode(driver, { node, deployment })).rejects.toThrow('options.ssh: is required unless options.channel is given');
    await expect(deployNode(driver, { node, deployment, ssh: {} })).rejects.toThrow('options.ssh: needs a privateKey or a password');
    await expect(deployNode(driver, { node, deployment, ssh: { password: 'x', port: 0 } })).rejects.toThrow('options.ssh.port');
    await expect(deployNode(driver, { node, deployment, ssh: { password: 'x', alternateUsernames: ['a b'] } })).rejects.toThrow('alternateUsernames[0]');
    await expect(deployNode(driver, { node, deployment, ssh: { password: 'x' }, timeoutMs: -5 })).rejects.toBeInstanceOf(ValidationError);
    expect(driver.created).toEqual([]);
  });

  it('refuses an unparsable private key without quoting it', async () => {
    const secret = '-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END OPENSSH PRIVATE KEY-----\n';
    const error = await deployNode(fakeDriver(), { node: pending, deployment, ssh: { privateKey: secret } }).catch((e: unknown) => e);
    expect(ValidationError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/^options\.ssh\.privateKey: cannot be parsed: /);
    expect((error as Error).message).not.toContain('c2VjcmV0');
  });
});

import { ValidationError } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { recordingChannel } from '../../test/support/recording-channel.js';
import { DeploymentError } from '../compute-errors.js';
import type { Node } from '../models.js';
import { DeploymentStepError } from './deployment-step-error.js';
import { FileDeployment, MultiStepDeployment, ScriptDeployment, SshKeyDeployment, type Deployment } from './deployment.js';
import { runDeployment } from './run-deployment.js';

const node: Node = { id: 'n-1', name: 'web', state: 'running', publicIps: [], privateIps: ['10.0.0.1'], provider: 'fake', extra: {} };
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample me@laptop';

describe('runDeployment', () => {
  it('uploads a script as 0700 under a random hidden name, runs it with quoted args, records output, then deletes it', async () => {
    const channel = recordingChannel((command) => ({ stdout: command.startsWith('rm') ? '' : 'hello\n', stderr: 'warn\n', exitStatus: 0 }));
    const step = ScriptDeployment({ script: '#!/bin/sh\necho hello\n', args: ['a b', "it's"] });
    const results = await runDeployment(node, step, channel);

    expect(results).toEqual([{ step, stdout: 'hello\n', stderr: 'warn\n', exitStatus: 0 }]);
    const [upload, run, remove] = channel.calls;
    expect(upload).toMatchObject({ op: 'upload', source: { content: '#!/bin/sh\necho hello\n' }, mode: 0o700 });
    const path = upload?.op === 'upload' ? upload.path : '';
    expect(path).toMatch(/^\.multicloud-deploy-[0-9a-f]{16}\.sh$/);
    expect(run).toEqual({ op: 'run', command: `./${path} 'a b' 'it'\\''s'`, stdin: undefined });
    expect(remove).toEqual({ op: 'run', command: `rm -f -- ${path}`, stdin: undefined });
    expect(channel.calls).toHaveLength(3);
  });

  it('keeps a named script when delete is false and runs an absolute name as it is', async () => {
    const channel = recordingChannel();
    await runDeployment(node, ScriptDeployment({ script: 'true', name: '/opt/setup.sh', delete: false }), channel);
    expect(channel.calls.map((call) => (call.op === 'run' ? call.command : call.op))).toEqual(['upload', '/opt/setup.sh']);
  });

  it('fails with DeploymentStepError carrying the node, the failed step and its stderr on a non-zero exit', async () => {
    const channel = recordingChannel((command) => (command.startsWith('./')
      ? { stdout: 'partial', stderr: 'E: no such package\n', exitStatus: 100 }
      : { stdout: '', stderr: '', exitStatus: 0 }));
    const first = FileDeployment({ source: { content: 'x' }, target: 'x.txt' });
    const failing = ScriptDeployment({ script: 'apt-get install nope', name: 'install.sh' });
    const never = SshKeyDeployment({ publicKey: KEY });
    const error: unknown = await runDeployment(node, MultiStepDeployment([first, failing, never]), channel).catch((e: unknown) => e);

    expect(DeploymentStepError.isInstance(error) && DeploymentError.isInstance(error)).toBe(true);
    const stepError = error as DeploymentStepError;
    expect(stepError.node).toBe(node);
    expect(stepError.message).toBe('deployment to node web (n-1) failed: step 2 (script install.sh) exited with status 100');
    expect(stepError.step).toBe(failing);
    expect(stepError.stepIndex).toBe(1);
    expect(stepError.results.map((result) => result.step)).toEqual([first, failing]);
    expect(stepError.results[1]).toMatchObject({ stderr: 'E: no such package\n', stdout: 'partial', exitStatus: 100 });
    // the failed script is still cleaned up; the SSH key step never ran
    expect(channel.calls.at(-1)).toEqual({ op: 'run', command: 'rm -f -- install.sh', stdin: undefined });
  });

  it('treats a command killed by a signal as a failure', async () => {
    const channel = recordingChannel(() => ({ stdout: '', stderr: '', exitStatus: null, exitSignal: 'KILL' }));
    await expect(runDeployment(node, ScriptDeployment({ script: 'x' }), channel)).rejects.toThrow('was killed by signal KILL');
  });

  it('wraps a failed upload with its cause', async () => {
    const channel = recordingChannel();
    const cause = new Error('No such file');
    channel.upload = () => Promise.reject(cause);
    const error = await runDeployment(node, FileDeployment({ source: { path: '/local/a' }, target: '/missing/dir/a' }), channel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentStepError);
    expect((error as Error).message).toContain('step 1 (file /missing/dir/a) failed: No such file');
    expect((error as Error).cause).toBe(cause);
  });

  it('adds an SSH key with a POSIX sh snippet fed on stdin, the key as its only argument', async () => {
    const channel = recordingChannel();
    await runDeployment(node, SshKeyDeployment({ publicKey: `  ${KEY}\n` }), channel);
    const [call] = channel.calls;
    expect(call).toMatchObject({ op: 'run', command: `sh -s -- '${KEY}'` });
    expect(call?.op === 'run' && call.stdin).toContain('grep -qxF -- "$1"');
  });

  it('uploads files with their mode and runs nested steps in order', async () => {
    const channel = recordingChannel();
    const steps = MultiStepDeployment([
      FileDeployment({ source: { content: new Uint8Array([1, 2]) }, target: '/etc/a', mode: 0o600 }),
      MultiStepDeployment([FileDeployment({ source: { path: '/local/b' }, target: 'b' })]),
      ScriptDeployment({ script: 'true', name: 's.sh', delete: false }),
    ]);
    const results = await runDeployment(node, steps, channel);
    expect(results.map((result) => [result.step.kind, result.exitStatus])).toEqual([['file', 0], ['file', 0], ['script', 0]]);
    expect(channel.calls.map((call) => (call.op === 'upload' ? `${call.path}:${String(call.mode)}` : call.op))).toEqual(['/etc/a:384', 'b:undefined', 's.sh:448', 'run']);
  });

  it('stops at once when aborted, with the abort reason as cause, skipping the cleanup', async () => {
    const controller = new AbortController();
    const reason = new Error('user stop');
    const channel = recordingChannel((_command, options) => new Promise((_resolve, reject) => {
      options.signal?.addEventListener('abort', () => reject(options.signal?.reason));
      controller.abort(reason);
    }));
    const error = await runDeployment(node, ScriptDeployment({ script: 'sleep 60' }), channel, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).message).toContain('step 1 (script) was aborted');
    expect((error as Error).cause).toBe(reason);
    expect(channel.calls.filter((call) => call.op === 'run')).toHaveLength(1);
  });

  it('checks the deployment before running anything', async () => {
    const channel = recordingChannel();
    const bad = { kind: 'multiStep', steps: [{ kind: 'file', source: { content: 'x' }, target: '~/x' }] } as Deployment;
    await expect(runDeployment(node, bad, channel)).rejects.toThrow('deployment.steps[0].target: must not start with "~"');
    expect(channel.calls).toEqual([]);
  });
});

describe('deployment builders', () => {
  it('return frozen plain values with a kind', () => {
    const script = ScriptDeployment({ script: 'echo', args: ['x'] });
    expect(script).toEqual({ kind: 'script', script: 'echo', args: ['x'] });
    expect(Object.isFrozen(script) && Object.isFrozen(script.args)).toBe(true);
    expect(SshKeyDeployment({ publicKey: ` ${KEY} ` }).publicKey).toBe(KEY);
    expect(MultiStepDeployment([script]).steps).toEqual([script]);
  });

  it.each([
    ['an empty script', () => ScriptDeployment({ script: ' ' }), 'deployment.script'],
    ['a bad argument', () => ScriptDeployment({ script: 'x', args: ['a\0b'] }), 'deployment.args'],
    ['a multi-line name', () => ScriptDeployment({ script: 'x', name: 'a\nb' }), 'deployment.name'],
    ['a missing source', () => FileDeployment({ source: {} as { path: string }, target: 'x' }), 'deployment.source'],
    ['an empty target', () => FileDeployment({ source: { content: '' }, target: '' }), 'deployment.target'],
    ['a bad mode', () => FileDeployment({ source: { content: '' }, target: 'x', mode: 0o10000 }), 'deployment.mode'],
    ['two key lines', () => SshKeyDeployment({ publicKey: `${KEY}\n${KEY}` }), 'deployment.publicKey'],
    ['a bad nested step', () => MultiStepDeployment([{ kind: 'nope' } as unknown as Deployment]), 'deployment.steps[0].kind'],
  ])('refuse %s with a ValidationError', (_name, build, argument) => {
    expect(build).toThrow(ValidationError);
    expect(build).toThrow(`${argument}:`);
  });
});

import { CloudError, NotFoundError, ProviderError } from '@multicloud/core';
import { DeploymentError, KeyPairDoesNotExistError, NODE_STATES, NodeDoesNotExistError, type Node } from '@multicloud/compute';
import { describe, expect, it } from 'vitest';

const details = { provider: 'memory', status: 404, providerMessage: 'gone' } as const;

describe('NODE_STATES', () => {
  it('lists the fifteen portable states once each, ending with unknown', () => {
    expect(NODE_STATES).toHaveLength(15);
    expect(new Set(NODE_STATES).size).toBe(NODE_STATES.length);
    for (const state of ['running', 'starting', 'rebooting', 'terminated', 'pending', 'stopping', 'stopped', 'suspended', 'error', 'paused']) {
      expect(NODE_STATES).toContain(state);
    }
    expect(NODE_STATES.at(-1)).toBe('unknown');
  });
});

describe('compute errors', () => {
  it('NodeDoesNotExistError is a NotFoundError, a ProviderError and a CloudError, but not a KeyPairDoesNotExistError', () => {
    const error = new NodeDoesNotExistError(details);
    expect(NodeDoesNotExistError.isInstance(error)).toBe(true);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(true);
    expect(CloudError.isInstance(error)).toBe(true);
    expect(KeyPairDoesNotExistError.isInstance(error)).toBe(false);
    expect(NodeDoesNotExistError.isInstance(new NotFoundError(details))).toBe(false);
    expect(NodeDoesNotExistError.isInstance(new Error('gone'))).toBe(false);
  });

  it('KeyPairDoesNotExistError is a NotFoundError but not a NodeDoesNotExistError', () => {
    const error = new KeyPairDoesNotExistError(details);
    expect(NotFoundError.isInstance(error)).toBe(true);
    expect(NodeDoesNotExistError.isInstance(error)).toBe(false);
  });

  it('names each error after its class and keeps the provider details', () => {
    const node = new NodeDoesNotExistError(details);
    expect(node.name).toBe('NodeDoesNotExistError');
    expect(new KeyPairDoesNotExistError(details).name).toBe('KeyPairDoesNotExistError');
    expect([node.provider, node.status, node.retryable, node.message]).toEqual(['memory', 404, false, 'memory: gone (HTTP 404)']);
  });

  it('DeploymentError names the node, keeps it and its cause, and is no ProviderError', () => {
    const node = { id: 'node-1', name: 'web' } as Node;
    const cause = new Error('ssh refused');
    const error = new DeploymentError(node, 'script exited 1', { cause });
    expect(error.name).toBe('DeploymentError');
    expect(error.message).toBe('deployment to node web (node-1) failed: script exited 1');
    expect(error.node).toBe(node);
    expect(error.cause).toBe(cause);
    expect(CloudError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(false);
  });
});

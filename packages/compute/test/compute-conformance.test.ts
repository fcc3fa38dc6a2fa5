import { NotFoundError, UnsupportedOperationError, stampProvider } from '@multicloud/core';
import { describeConformance, type ConformanceCheck } from '@multicloud/core/testing';
import type { ComputeDriver, ComputeFeatures, CreateNodeOptions, Node, NodeSize, NodeState } from '@multicloud/compute';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { describe, expect, it } from 'vitest';
import { MEMORY, MemoryComputeDriver } from './memory-compute-driver.js';

const NODE_NAMES = ['web-1', 'web-2', 'db-1'];
const MISSING = 'node-404';

/** The kit as this file runs it; `createDriver` is called once per check. */
function kit(createDriver: () => ComputeDriver): ConformanceCheck[] {
  return computeConformanceChecks({ provider: MEMORY, createDriver, missingNodeId: MISSING });
}

/** Runs one check of the kit, found by name, against the drivers `createDriver` builds. */
function runCheck(name: string, createDriver: () => ComputeDriver): Promise<void> {
  const found = kit(createDriver).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`the compute kit has no check named "${name}"`);
  return found.run();
}

describeConformance('memory compute', kit(() => new MemoryComputeDriver({ nodeNames: NODE_NAMES })));

describe('the compute kit', () => {
  it('lists the documented checks, the missing-node one only when given an id', () => {
    const names = kit(() => new MemoryComputeDriver()).map((check) => check.name);
    expect(names).toEqual([
      'reports its provider id and well-formed features',
      'lists nodes in the portable shape',
      'iterates the same nodes that listNodes returns',
      'lists sizes, images and locations in the portable shape',
      'creates, reboots and destroys a node',
      'refuses bad createNode input with ValidationError',
      'throws UnsupportedOperationError for every absent feature',
      'throws NodeDoesNotExistError for a missing node',
    ]);
    const withoutMissing = computeConformanceChecks({ provider: MEMORY, createDriver: () => new MemoryComputeDriver() });
    expect(withoutMissing.map((check) => check.name)).not.toContain('throws NodeDoesNotExistError for a missing node');
  });

  it('calls createDriver once per check', async () => {
    let calls = 0;
    const checks = kit(() => {
      calls += 1;
      return new MemoryComputeDriver({ nodeNames: NODE_NAMES });
    });
    for (const check of checks) await check.run();
    expect(calls).toBe(checks.length);
  });
});

describe('the compute kit fails a broken driver', () => {
  it('whose provider id is not the expected one', async () => {
    class OtherProvider extends MemoryComputeDriver {
      override readonly provider = 'not-memory';
    }
    await expect(runCheck('reports its provider id and well-formed features', () => new OtherProvider())).rejects.toThrow(
      /provider must be "memory", got "not-memory"/,
    );
  });

  it('whose features advertise an auth kind that does not exist', async () => {
    class OddAuth extends MemoryComputeDriver {
      override readonly features = { ...new MemoryComputeDriver().features, createNodeAuth: ['token'] } as unknown as ComputeFeatures;
    }
    await expect(runCheck('reports its provider id and well-formed features', () => new OddAuth())).rejects.toThrow(
      /createNodeAuth may list only sshKey and password/,
    );
  });

  it("whose node state is 'bogus'", async () => {
    class BogusState extends MemoryComputeDriver {
      override async listNodes(): Promise<Node[]> {
        return (await super.listNodes()).map((node) => stampProvider({ ...node, state: 'bogus' as NodeState }, MEMORY));
      }
    }
    await expect(runCheck('lists nodes in the portable shape', () => new BogusState({ nodeNames: NODE_NAMES }))).rejects.toThrow(
      /node node-1: state "bogus" is not a NodeState/,
    );
  });

  it('whose nodes are not stamped with the provider', async () => {
    class Unstamped extends MemoryComputeDriver {
      override async listNodes(): Promise<Node[]> {
        return (await super.listNodes()).map((node) => ({ ...node }));
      }
    }
    await expect(runCheck('lists nodes in the portable shape', () => new Unstamped({ nodeNames: NODE_NAMES }))).rejects.toThrow(
      /node node-1: must be stamped with provider "memory"/,
    );
  });

  it('whose sizes are not stamped with the provider', async () => {
    class UnstampedSizes extends MemoryComputeDriver {
      override async listSizes(): Promise<NodeSize[]> {
        return (await super.listSizes()).map((size) => ({ ...size }));
      }
    }
    await expect(runCheck('lists sizes, images and locations in the portable shape', () => new UnstampedSizes())).rejects.toThrow(
      /size small: must be stamped with provider "memory"/,
    );
  });

  it('whose size has a negative amount of memory', async () => {
    class NegativeRam extends MemoryComputeDriver {
      override async listSizes(): Promise<NodeSize[]> {
        return (await super.listSizes()).map((size) => stampProvider({ ...size, ram: -1 }, MEMORY));
      }
    }
    await expect(runCheck('lists sizes, images and locations in the portable shape', () => new NegativeRam())).rejects.toThrow(
      /size small: ram must be a number of MiB/,
    );
  });

  it('whose iterateNodes disagrees with listNodes', async () => {
    class Reversed extends MemoryComputeDriver {
      override async listNodes(): Promise<Node[]> {
        return (await super.listNodes()).reverse();
      }
    }
    await expect(runCheck('iterates the same nodes that listNodes returns', () => new Reversed({ nodeNames: NODE_NAMES }))).rejects.toThrow(
      /iterateNodes gave node-1,node-2,node-3 but listNodes gave node-3,node-2,node-1/,
    );
  });

  it('whose created node does not carry the requested name', async () => {
    class Renaming extends MemoryComputeDriver {
      override async createNode(options: CreateNodeOptions): Promise<Node> {
        return super.createNode({ ...options, name: `${options.name}-renamed` });
      }
    }
    await expect(runCheck('creates, reboots and destroys a node', () => new Renaming())).rejects.toThrow(
      /created node must be named "multicloud-conformance", got "multicloud-conformance-renamed"/,
    );
  });

  it('whose createNode accepts an empty name', async () => {
    class AcceptsEmptyName extends MemoryComputeDriver {
      override async createNode(options: CreateNodeOptions): Promise<Node> {
        return super.createNode({ ...options, name: options.name || 'unnamed' });
      }
    }
    await expect(runCheck('refuses bad createNode input with ValidationError', () => new AcceptsEmptyName())).rejects.toThrow(
      /createNode with an empty name: expected a rejection, but it resolved/,
    );
  });

  it("whose createNode accepts another provider's size", async () => {
    class AcceptsForeignSize extends MemoryComputeDriver {
      override async createNode(options: CreateNodeOptions): Promise<Node> {
        const [own] = await this.listSizes();
        return super.createNode({ ...options, size: own ?? options.size });
      }
    }
    await expect(runCheck('refuses bad createNode input with ValidationError', () => new AcceptsForeignSize())).rejects.toThrow(
      /createNode with another provider's size: expected a rejection, but it resolved/,
    );
  });

  it('whose createNode refuses an empty name with a plain Error', async () => {
    class PlainError extends MemoryComputeDriver {
      override async createNode(options: CreateNodeOptions): Promise<Node> {
        if (options.name === '') throw new Error('name missing');
        return super.createNode(options);
      }
    }
    await expect(runCheck('refuses bad createNode input with ValidationError', () => new PlainError())).rejects.toThrow(
      /createNode with an empty name: rejected with the wrong error: Error: name missing/,
    );
  });

  it('whose absent feature silently succeeds', async () => {
    class SilentVolumes extends MemoryComputeDriver {
      override readonly listVolumes = async () => [];
    }
    await expect(runCheck('throws UnsupportedOperationError for every absent feature', () => new SilentVolumes())).rejects.toThrow(
      /listVolumes without volumes: expected a rejection, but it resolved/,
    );
  });

  it('whose features claim startStop is absent while stopNode works', async () => {
    class LiesAboutStartStop extends MemoryComputeDriver {
      override readonly features = { ...new MemoryComputeDriver().features, startStop: false };
    }
    await expect(
      runCheck('throws UnsupportedOperationError for every absent feature', () => new LiesAboutStartStop({ nodeNames: NODE_NAMES })),
    ).rejects.toThrow(/stopNode without startStop: expected a rejection, but it resolved/);
  });

  it('whose getNode throws the generic NotFoundError for a missing node', async () => {
    class GenericNotFound extends MemoryComputeDriver {
      override async getNode(id: string): Promise<Node> {
        throw new NotFoundError({ provider: MEMORY, status: 404, providerMessage: `no ${id}` });
      }
    }
    await expect(runCheck('throws NodeDoesNotExistError for a missing node', () => new GenericNotFound())).rejects.toThrow(
      /getNode\(node-404\): rejected with the wrong error: NotFoundError/,
    );
  });

  it('whose getNode resolves for a missing node', async () => {
    class FindsEverything extends MemoryComputeDriver {
      override async getNode(id: string): Promise<Node> {
        const [node] = await this.listNodes();
        if (!node) throw new UnsupportedOperationError({ provider: MEMORY, operation: `getNode(${id})` });
        return node;
      }
    }
    await expect(runCheck('throws NodeDoesNotExistError for a missing node', () => new FindsEverything({ nodeNames: NODE_NAMES }))).rejects.toThrow(
      /getNode\(node-404\): expected a rejection, but it resolved/,
    );
  });
});

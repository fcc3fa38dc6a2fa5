/**
 * An in-memory compute driver: a TEST DOUBLE, not a provider. It exists to show the shape of the `ComputeDriver`
 * contract in the smallest correct form — stamped models, validated input before any "request", typed errors,
 * honest `features` with `unsupported()` for the absent groups, and `iterate*`/`list*` built on core's paging.
 * Everything is deterministic: ids count up per driver instance and creation times come from a fixed clock.
 */
import { ValidationError, assertNonEmptyString, assertOwnModel, collect, paginate, stampProvider } from '@multicloud/core';
import {
  NodeDoesNotExistError,
  unsupported,
  type CallOptions,
  type ComputeDriver,
  type ComputeFeatures,
  type CreateNodeOptions,
  type ListOptions,
  type Node,
  type NodeImage,
  type NodeLocation,
  type NodeSize,
  type NodeState,
} from '@multicloud/compute';

/** The provider id of the in-memory driver. */
export const MEMORY = 'memory';

/** How many nodes one "page" of `iterateNodes` holds (small, so paging is exercised). */
const PAGE_SIZE = 2;

/** A fixed epoch, so creation times are deterministic. */
const EPOCH_MS = Date.UTC(2024, 0, 1);

const SIZES: readonly NodeSize[] = [
  { id: 'small', name: 'Small', ram: 1024, disk: 20, price: 0.01, extra: { vcpus: 1 } },
  { id: 'medium', name: 'Medium', ram: 4096, disk: 80, price: 0.04, extra: { vcpus: 2 } },
  { id: 'large', name: 'Large', ram: 16384, disk: 320, price: 0.16, extra: { vcpus: 8 } },
].map((size) => stampProvider(size, MEMORY));

const IMAGES: readonly NodeImage[] = [
  { id: 'ubuntu-24.04', name: 'Ubuntu 24.04 LTS', extra: { os: 'linux' } },
  { id: 'debian-12', name: 'Debian 12', extra: { os: 'linux' } },
].map((image) => stampProvider(image, MEMORY));

const LOCATIONS: readonly NodeLocation[] = [
  { id: 'mem-east', name: 'Memory East', country: 'US', extra: {} },
  { id: 'mem-west', name: 'Memory West', country: 'DE', extra: {} },
].map((location) => stampProvider(location, MEMORY));

/** Options of the in-memory driver. */
export interface MemoryComputeOptions {
  /** Names of nodes that exist from the start (running, smallest size, first image, first location). */
  readonly nodeNames?: readonly string[] | undefined;
}

/** Finds one of this driver's catalogue models by id, after checking the argument came from this driver (or by hand). */
function ownCatalogueModel<T extends { readonly id: string }>(argument: string, model: T | undefined, catalogue: readonly T[]): T {
  assertOwnModel(argument, model, MEMORY);
  const known = catalogue.find((entry) => entry.id === model?.id);
  if (!known) throw new ValidationError(argument, `unknown id "${String(model?.id)}"; list it with this driver`);
  return known;
}

/** The in-memory reference implementation of {@link ComputeDriver}. */
export class MemoryComputeDriver implements ComputeDriver {
  readonly provider: string = MEMORY;
  readonly features: ComputeFeatures = Object.freeze({
    volumes: false,
    keyPairs: false,
    startStop: true,
    createNodeAuth: Object.freeze(['sshKey'] as const),
  });

  /** Nodes by id, in creation order; each value is the current stamped (frozen) snapshot. */
  protected readonly nodes = new Map<string, Node>();
  private created = 0;

  constructor(options: MemoryComputeOptions = {}) {
    for (const name of options.nodeNames ?? []) this.store(name, SIZES[0], IMAGES[0], LOCATIONS[0]);
  }

  async listNodes(options?: CallOptions): Promise<Node[]> {
    return collect(this.iterateNodes(options));
  }

  iterateNodes(options?: CallOptions): AsyncIterable<Node> {
    return paginate(async (token) => {
      options?.signal?.throwIfAborted();
      const start = token === undefined ? 0 : Number(token);
      const all = [...this.nodes.values()];
      const end = start + PAGE_SIZE;
      return { items: all.slice(start, end), next: end < all.length ? String(end) : undefined };
    });
  }

  async getNode(id: string, options?: CallOptions): Promise<Node> {
    options?.signal?.throwIfAborted();
    assertNonEmptyString('id', id);
    return this.existing(id);
  }

  async createNode(options: CreateNodeOptions): Promise<Node> {
    options.signal?.throwIfAborted();
    assertNonEmptyString('options.name', options.name);
    const size = ownCatalogueModel('options.size', options.size, SIZES);
    const image = ownCatalogueModel('options.image', options.image, IMAGES);
    const location = options.location === undefined ? LOCATIONS[0] : ownCatalogueModel('options.location', options.location, LOCATIONS);
    if (options.auth !== undefined && !('sshKey' in options.auth)) {
      throw new ValidationError('options.auth', `${MEMORY} accepts only: ${this.features.createNodeAuth.join(', ')}`);
    }
    return this.store(options.name, size, image, location);
  }

  async rebootNode(node: Node, options?: CallOptions): Promise<void> {
    this.transition(node, options, ['running'], 'running');
  }

  async startNode(node: Node, options?: CallOptions): Promise<void> {
    this.transition(node, options, ['stopped', 'running'], 'running');
  }

  async stopNode(node: Node, options?: CallOptions): Promise<void> {
    this.transition(node, options, ['running', 'stopped'], 'stopped');
  }

  async destroyNode(node: Node, options?: CallOptions): Promise<void> {
    options?.signal?.throwIfAborted();
    assertOwnModel('node', node, MEMORY);
    this.existing(node.id);
    this.nodes.delete(node.id);
  }

  async listImages(options?: ListOptions): Promise<NodeImage[]> {
    this.checkListOptions(options);
    return [...IMAGES];
  }

  async listSizes(options?: ListOptions): Promise<NodeSize[]> {
    this.checkListOptions(options);
    return [...SIZES];
  }

  async listLocations(options?: CallOptions): Promise<NodeLocation[]> {
    options?.signal?.throwIfAborted();
    return [...LOCATIONS];
  }

  readonly listVolumes: ComputeDriver['listVolumes'] = unsupported(MEMORY, 'listVolumes');
  readonly createVolume: ComputeDriver['createVolume'] = unsupported(MEMORY, 'createVolume');
  readonly attachVolume: ComputeDriver['attachVolume'] = unsupported(MEMORY, 'attachVolume');
  readonly detachVolume: ComputeDriver['detachVolume'] = unsupported(MEMORY, 'detachVolume');
  readonly destroyVolume: ComputeDriver['destroyVolume'] = unsupported(MEMORY, 'destroyVolume');
  readonly listKeyPairs: ComputeDriver['listKeyPairs'] = unsupported(MEMORY, 'listKeyPairs');
  readonly getKeyPair: ComputeDriver['getKeyPair'] = unsupported(MEMORY, 'getKeyPair');
  readonly createKeyPair: ComputeDriver['createKeyPair'] = unsupported(MEMORY, 'createKeyPair');
  readonly importKeyPair: ComputeDriver['importKeyPair'] = unsupported(MEMORY, 'importKeyPair');
  readonly deleteKeyPair: ComputeDriver['deleteKeyPair'] = unsupported(MEMORY, 'deleteKeyPair');

  private store(name: string, size: NodeSize | undefined, image: NodeImage | undefined, location: NodeLocation | undefined): Node {
    const n = ++this.created;
    const node = stampProvider<Node>({
      id: `node-${n}`,
      name,
      state: 'running',
      publicIps: Object.freeze([`203.0.113.${n}`]),
      privateIps: Object.freeze([`10.0.0.${n}`]),
      provider: MEMORY,
      size,
      image,
      location,
      createdAt: new Date(EPOCH_MS + n * 1000),
      extra: Object.freeze({}),
    }, MEMORY);
    this.nodes.set(node.id, node);
    return node;
  }

  private existing(id: string): Node {
    const node = this.nodes.get(id);
    if (!node) throw new NodeDoesNotExistError({ provider: MEMORY, status: 404, providerMessage: `node ${id} does not exist` });
    return node;
  }

  /** Moves a node to `to`, refusing (as a cloud would) when it is not in one of the `from` states. */
  private transition(node: Node, options: CallOptions | undefined, from: readonly NodeState[], to: NodeState): void {
    options?.signal?.throwIfAborted();
    assertOwnModel('node', node, MEMORY);
    const current = this.existing(node.id);
    if (!from.includes(current.state)) throw new ValidationError('node', `node ${node.id} is ${current.state}, expected ${from.join(' or ')}`);
    this.nodes.set(current.id, stampProvider({ ...current, state: to }, MEMORY));
  }

  private checkListOptions(options: ListOptions | undefined): void {
    options?.signal?.throwIfAborted();
    if (options?.location !== undefined) ownCatalogueModel('options.location', options.location, LOCATIONS);
  }
}

import type { KeyPair, Node, NodeImage, NodeLocation, NodeSize, Volume } from './models.js';

/** Options every call accepts. */
export interface CallOptions {
  /** Cancels the call, including waits between retries. */
  readonly signal?: AbortSignal | undefined;
}

/** How the new node lets you in: an SSH public key, or a root/administrator password. */
export type NodeAuth = { readonly sshKey: string } | { readonly password: string };

/** The portable part of `createNode`'s options; drivers add their own (prefixed `ex`) through `P`. */
export interface CreateNodeOptions extends CallOptions {
  /** Name of the new node. */
  readonly name: string;
  /** Its size, from this driver's `listSizes()`. */
  readonly size: NodeSize;
  /** Its image, from this driver's `listImages()`. */
  readonly image: NodeImage;
  /** Where to create it, from this driver's `listLocations()`; default: the driver's region. */
  readonly location?: NodeLocation | undefined;
  /** How to log in; see `features.createNodeAuth` for what the cloud supports. */
  readonly auth?: NodeAuth | undefined;
}

/** Options of `createVolume`. */
export interface CreateVolumeOptions extends CallOptions {
  /** Size in GB. */
  readonly size: number;
  /** Display name. */
  readonly name: string;
  /** Where to create it. */
  readonly location?: NodeLocation | undefined;
}

/** Options of the image, size and node listings. */
export interface ListOptions extends CallOptions {
  /** Restrict to one location, where the cloud lists per location. */
  readonly location?: NodeLocation | undefined;
}

/** Which optional groups of operations a driver offers. Calling an absent one throws `UnsupportedOperationError`. */
export interface ComputeFeatures {
  /** `listVolumes`, `createVolume`, `attachVolume`, `detachVolume`, `destroyVolume`. */
  readonly volumes: boolean;
  /** `listKeyPairs`, `getKeyPair`, `createKeyPair`, `importKeyPair`, `deleteKeyPair`. */
  readonly keyPairs: boolean;
  /** `startNode` and `stopNode`. */
  readonly startStop: boolean;
  /** The `auth` kinds `createNode` accepts. */
  readonly createNodeAuth: readonly ('sshKey' | 'password')[];
}

/**
 * The portable compute API every compute driver implements. Models are plain readonly objects; provider-only
 * operations are `ex`-prefixed methods on the concrete driver.
 */
export interface ComputeDriver<P extends object = object> {
  /** Provider id, e.g. `ec2`. */
  readonly provider: string;
  /** Which optional operations this driver offers. */
  readonly features: ComputeFeatures;

  /** Lists all nodes (following pages). */
  listNodes(options?: CallOptions): Promise<Node[]>;
  /** Iterates nodes page by page, fetching the next page only when needed. */
  iterateNodes(options?: CallOptions): AsyncIterable<Node>;
  /** Gets one node. @throws NodeDoesNotExistError */
  getNode(id: string, options?: CallOptions): Promise<Node>;
  /** Creates a node. @throws ValidationError for a size/image/location that is not this driver's, or an empty name */
  createNode(options: CreateNodeOptions & P): Promise<Node>;
  /** Reboots a node. */
  rebootNode(node: Node, options?: CallOptions): Promise<void>;
  /** Starts a stopped node (see `features.startStop`). */
  startNode(node: Node, options?: CallOptions): Promise<void>;
  /** Stops a running node (see `features.startStop`). */
  stopNode(node: Node, options?: CallOptions): Promise<void>;
  /** Destroys a node. */
  destroyNode(node: Node, options?: CallOptions): Promise<void>;

  /** Lists images. */
  listImages(options?: ListOptions): Promise<NodeImage[]>;
  /** Lists sizes. */
  listSizes(options?: ListOptions): Promise<NodeSize[]>;
  /** Lists locations. */
  listLocations(options?: CallOptions): Promise<NodeLocation[]>;

  /** Lists volumes (see `features.volumes`). */
  listVolumes(options?: CallOptions): Promise<Volume[]>;
  /** Creates a volume. */
  createVolume(options: CreateVolumeOptions): Promise<Volume>;
  /** Attaches a volume to a node, optionally as `device` (e.g. `/dev/sdf`). */
  attachVolume(node: Node, volume: Volume, device?: string, options?: CallOptions): Promise<void>;
  /** Detaches a volume. */
  detachVolume(volume: Volume, options?: CallOptions): Promise<void>;
  /** Destroys a volume. */
  destroyVolume(volume: Volume, options?: CallOptions): Promise<void>;

  /** Lists key pairs (see `features.keyPairs`). */
  listKeyPairs(options?: CallOptions): Promise<KeyPair[]>;
  /** Gets a key pair by name. @throws KeyPairDoesNotExistError */
  getKeyPair(name: string, options?: CallOptions): Promise<KeyPair>;
  /** Creates a key pair; the result carries the private key where the cloud generates it. */
  createKeyPair(name: string, options?: CallOptions): Promise<KeyPair>;
  /** Imports an existing public key. */
  importKeyPair(name: string, publicKey: string, options?: CallOptions): Promise<KeyPair>;
  /** Deletes a key pair. */
  deleteKeyPair(keyPair: KeyPair, options?: CallOptions): Promise<void>;
}

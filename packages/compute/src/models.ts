/**
 * The states a node can be in, portable across clouds. Drivers map their cloud's states onto these with a table;
 * anything they cannot map is `unknown`.
 */
export const NODE_STATES = [
  'running', 'starting', 'rebooting', 'terminated', 'pending', 'stopping', 'stopped', 'suspended', 'error', 'paused',
  'reconfiguring', 'migrating', 'normal', 'updating', 'unknown',
] as const;

/** A portable node state (see {@link NODE_STATES}). */
export type NodeState = (typeof NODE_STATES)[number];

/** Provider-specific fields a model keeps as they came, for code that needs more than the portable shape. */
export type Extra = Readonly<Record<string, unknown>>;

/** A machine size (flavor, instance type, product). */
export interface NodeSize {
  /** Provider id of the size, e.g. `t3.micro`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Memory in MiB. */
  readonly ram: number;
  /** Disk in GB (0 when the size has no local disk). */
  readonly disk: number;
  /** Bandwidth allowance, when the provider states one. */
  readonly bandwidth?: number | undefined;
  /** Price per hour in USD, when known. */
  readonly price?: number | undefined;
  /** Provider fields. */
  readonly extra: Extra;
}

/** An image (template, AMI, library drive) a node boots from. */
export interface NodeImage {
  /** Provider id of the image. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Provider fields. */
  readonly extra: Extra;
}

/** A location (region, availability zone, data center). */
export interface NodeLocation {
  /** Provider id of the location. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** ISO 3166 country code, when known (empty string otherwise). */
  readonly country: string;
  /** Provider fields. */
  readonly extra: Extra;
}

/** A virtual machine or server. */
export interface Node {
  /** Provider id of the node. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Portable state. */
  readonly state: NodeState;
  /** Public IPv4/IPv6 addresses. */
  readonly publicIps: readonly string[];
  /** Private addresses. */
  readonly privateIps: readonly string[];
  /** Provider id of the driver that made this model, e.g. `ec2`. */
  readonly provider: string;
  /** The node's size, when the provider says. */
  readonly size?: NodeSize | undefined;
  /** The node's image, when the provider says. */
  readonly image?: NodeImage | undefined;
  /** The node's location, when the provider says. */
  readonly location?: NodeLocation | undefined;
  /** Creation time, when the provider says. */
  readonly createdAt?: Date | undefined;
  /** Provider fields. */
  readonly extra: Extra;
}

/** A block storage volume. */
export interface Volume {
  /** Provider id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Size in GB. */
  readonly size: number;
  /** Provider state, lower case (e.g. `available`, `in-use`). */
  readonly state: string;
  /** Provider fields. */
  readonly extra: Extra;
}

/** An SSH key pair known to the cloud. */
export interface KeyPair {
  /** Name (the id at most clouds). */
  readonly name: string;
  /** Fingerprint as the provider reports it. */
  readonly fingerprint: string;
  /** Public key, when the provider returns it. */
  readonly publicKey?: string | undefined;
  /** Private key: only on creation, and only from clouds that generate keys. Never logged. */
  readonly privateKey?: string | undefined;
  /** Provider fields. */
  readonly extra: Extra;
}

/** Provider-specific fields a model keeps as they came. */
export type Extra = Readonly<Record<string, unknown>>;

/** A container (bucket). */
export interface Container {
  /** Container name. */
  readonly name: string;
  /** Provider fields (creation date, region, object count, …). */
  readonly extra: Extra;
}

/** An object (blob) in a container. */
export interface StorageObject {
  /** Object name (key), which may contain `/`, spaces and any Unicode. */
  readonly name: string;
  /** Size in bytes. */
  readonly size: number;
  /** The provider's hash: the MD5 hex for simple uploads, the provider's multipart ETag otherwise (quotes removed). */
  readonly hash: string;
  /** Content type, when known. */
  readonly contentType?: string | undefined;
  /** Last modification time, when known. */
  readonly lastModified?: Date | undefined;
  /** User metadata (lower-case keys, without the provider's header prefix). */
  readonly metadata: Readonly<Record<string, string>>;
  /** The container the object is in. */
  readonly containerName: string;
  /** Provider fields. */
  readonly extra: Extra;
}

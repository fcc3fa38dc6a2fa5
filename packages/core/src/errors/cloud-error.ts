/** The symbol under which every multicloud error lists the kinds it is; global so it survives duplicated package copies. */
const KINDS = Symbol.for('@multicloud/core/error-kinds');

/**
 * Root of every error the SDK throws on purpose.
 *
 * @remarks
 * `name` equals the class name and stays stable under minification. Use the static `isInstance()` rather than
 * `instanceof`: it also recognises errors thrown by another copy of `@multicloud/core` (two versions in one
 * `node_modules`, or a bundled copy). `cause` is always kept.
 *
 * @example
 * ```ts
 * try { await driver.getNode('i-123'); }
 * catch (error) { if (NotFoundError.isInstance(error)) console.log(error.status); }
 * ```
 */
export class CloudError extends Error {
  /** The stable kind name of this class; equals the class name. */
  static readonly kind: string = 'CloudError';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = (new.target as typeof CloudError).kind;
  }

  /** Kind names of this error and all its ancestors, most specific first. */
  get [KINDS](): readonly string[] {
    const kinds: string[] = [];
    for (let proto = Object.getPrototypeOf(this); proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto)) {
      const kind = (proto.constructor as { kind?: unknown }).kind;
      if (typeof kind === 'string') kinds.push(kind);
    }
    return kinds;
  }

  /**
   * Whether `value` is an error of this class (or a subclass), even when it comes from another copy of the package.
   * @param value - anything caught
   */
  static isInstance<T extends abstract new (...args: never[]) => CloudError>(
    this: T & { kind: string },
    value: unknown,
  ): value is InstanceType<T> {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as { [KINDS]?: unknown })[KINDS];
    return Array.isArray(kinds) && kinds.includes(this.kind);
  }
}

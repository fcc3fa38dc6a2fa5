import { CloudError, NotFoundError, ProviderError } from '@multicloud/core';

/** The container does not exist. */
export class ContainerDoesNotExistError extends NotFoundError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ContainerDoesNotExistError';
}

/** A container with that name exists already (yours, or — where names are global — someone else's). */
export class ContainerAlreadyExistsError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ContainerAlreadyExistsError';
}

/** The container still holds objects and cannot be deleted. */
export class ContainerIsNotEmptyError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ContainerIsNotEmptyError';
}

/** The container name breaks the provider's naming rules. */
export class InvalidContainerNameError extends ProviderError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'InvalidContainerNameError';
}

/** The object does not exist. */
export class ObjectDoesNotExistError extends NotFoundError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ObjectDoesNotExistError';
}

/** The bytes stored or received do not match their hash; nothing was kept. */
export class ObjectHashMismatchError extends CloudError {
  /** The stable kind name of this class. */
  static override readonly kind: string = 'ObjectHashMismatchError';
  /** The hash the provider reported (or the caller expected). */
  readonly expected: string;
  /** The hash computed over the bytes that went through. */
  readonly actual: string;

  constructor(details: { provider: string; objectName: string; expected: string; actual: string }) {
    super(`${details.provider}: hash mismatch for object "${details.objectName}": expected ${details.expected}, got ${details.actual}`);
    this.expected = details.expected;
    this.actual = details.actual;
  }
}

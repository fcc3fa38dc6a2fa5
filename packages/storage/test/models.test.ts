import { CloudError, NotFoundError, ProviderError } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
  ObjectHashMismatchError,
} from '@multicloud/storage';
import { describe, expect, it } from 'vitest';

const details = { provider: 'memory', status: 404, providerMessage: 'gone' } as const;

describe('storage errors', () => {
  it('the not-found errors are NotFoundErrors of their own kind only', () => {
    const container = new ContainerDoesNotExistError(details);
    const object = new ObjectDoesNotExistError(details);
    expect([NotFoundError.isInstance(container), NotFoundError.isInstance(object)]).toEqual([true, true]);
    expect(ContainerDoesNotExistError.isInstance(object)).toBe(false);
    expect(ObjectDoesNotExistError.isInstance(container)).toBe(false);
  });

  it('exists, not-empty and invalid-name are ProviderErrors but not NotFoundErrors', () => {
    for (const ErrorClass of [ContainerAlreadyExistsError, ContainerIsNotEmptyError, InvalidContainerNameError]) {
      const error = new ErrorClass({ ...details, status: 409 });
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(NotFoundError.isInstance(error)).toBe(false);
      expect(error.name).toBe(ErrorClass.name);
    }
  });

  it('names each not-found error after its class', () => {
    expect(new ContainerDoesNotExistError(details).name).toBe('ContainerDoesNotExistError');
    expect(new ObjectDoesNotExistError(details).name).toBe('ObjectDoesNotExistError');
  });

  it('ObjectHashMismatchError names the object and both hashes, and is a CloudError but no ProviderError', () => {
    const error = new ObjectHashMismatchError({ provider: 'memory', objectName: 'a.txt', expected: 'aaa111', actual: 'bbb222' });
    expect(error.message).toBe('memory: hash mismatch for object "a.txt": expected aaa111, got bbb222');
    expect([error.expected, error.actual, error.name]).toEqual(['aaa111', 'bbb222', 'ObjectHashMismatchError']);
    expect(CloudError.isInstance(error)).toBe(true);
    expect(ProviderError.isInstance(error)).toBe(false);
  });
});

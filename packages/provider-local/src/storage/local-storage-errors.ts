import { ValidationError } from '@multicloud/core';
import {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  ObjectDoesNotExistError,
} from '@multicloud/storage';
import { LOCAL } from '../local-root.js';

/** The `code` of a Node file-system error (`ENOENT`, `EEXIST`, …), or undefined. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Whether a file-system error says the path (or one of its folders) is missing. */
export function isMissing(error: unknown): boolean {
  const code = errnoCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The errors of the local storage driver, as data: code → class. Every one carries `status` 0 (there is no HTTP). */
export const LOCAL_STORAGE_ERRORS = {
  NoSuchContainer: ContainerDoesNotExistError,
  ContainerAlreadyExists: ContainerAlreadyExistsError,
  ContainerNotEmpty: ContainerIsNotEmptyError,
  NoSuchObject: ObjectDoesNotExistError,
} as const;

/** A code of {@link LOCAL_STORAGE_ERRORS}. */
export type LocalStorageErrorCode = keyof typeof LOCAL_STORAGE_ERRORS;

/** Builds the typed error for `code`, with a message naming the container or object. */
export function localStorageError(code: LocalStorageErrorCode, message: string, cause?: unknown): Error {
  const ErrorClass = LOCAL_STORAGE_ERRORS[code];
  return new ErrorClass({ provider: LOCAL, status: 0, providerCode: code, providerMessage: message, cause });
}

/** `container "x" does not exist`. */
export const noSuchContainer = (name: string, cause?: unknown): Error => localStorageError('NoSuchContainer', `container ${JSON.stringify(name)} does not exist`, cause);

/** `object "a/b" does not exist in container "x"`. */
export const noSuchObject = (containerName: string, objectName: string, cause?: unknown): Error =>
  localStorageError('NoSuchObject', `object ${JSON.stringify(objectName)} does not exist in container ${JSON.stringify(containerName)}`, cause);

/** An object name that collides with a folder of other objects (`a` when `a/b` exists, or `a/b` when `a` exists). */
export const nameConflict = (objectName: string, cause?: unknown): ValidationError =>
  new ValidationError('objectName', `${JSON.stringify(objectName)} collides with other objects: on a file system, "a" and "a/b" cannot both exist`, { cause });

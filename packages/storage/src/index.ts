/**
 * `@multicloud/storage`: the portable storage contract (containers and objects, streaming, integrity checks) that
 * every storage provider implements.
 *
 * @packageDocumentation
 */
export type {
  ByteRange,
  CallOptions,
  DownloadOptions,
  StorageDriver,
  StorageFeatures,
  UploadOptions,
  UploadSource,
} from './storage-driver.js';
export type { Container, Extra, StorageObject } from './models.js';
export {
  ContainerAlreadyExistsError,
  ContainerDoesNotExistError,
  ContainerIsNotEmptyError,
  InvalidContainerNameError,
  ObjectDoesNotExistError,
  ObjectHashMismatchError,
} from './storage-errors.js';

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

// Streaming and integrity helpers every storage driver shares.
export { toByteIterable } from './streams/upload-source.js';
export { crc32Base64, hashingTap, isPlainMd5, unquoteEtag, type HashTally } from './streams/hashing.js';
export { guessContentType } from './streams/content-type.js';
export { cutIntoParts, forEachPart, uploadInParts, type PartUploadHandlers } from './streams/parts.js';
export { writeStreamToFile, type WriteFileOptions } from './streams/write-file.js';
export { rangeHeader } from './streams/range.js';
export { verifiedBytes, type ExpectedBytes } from './streams/verified-bytes.js';

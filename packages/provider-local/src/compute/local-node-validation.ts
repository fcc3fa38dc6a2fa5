import { ValidationError, assertNonEmptyString, assertOwnModel } from '@multicloud/core';
import type { CreateNodeOptions, ListOptions, NodeImage, NodeSize } from '@multicloud/compute';
import { LOCAL } from '../local-root.js';
import { LOCAL_LOCATION_ID, LOCAL_SIZES, findLocalImage, findLocalSize, localImages } from './local-catalog.js';

/** Local-only options of `createNode`. */
export interface LocalCreateNodeOptions {
  /** The node's port (its `PORT`), 1–65535, free and not another node's. Default: a free port picked at creation. */
  readonly exPort?: number | undefined;
}

// Control characters (C0 and DEL), NUL included.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Longest node name, in characters. */
export const MAX_NODE_NAME_LENGTH = 255;

/** Checks a node name: non-blank, at most 255 characters, no control characters (it becomes `NODE_NAME`). */
export function checkNodeName(argument: string, name: unknown): asserts name is string {
  assertNonEmptyString(argument, name);
  if (name.length > MAX_NODE_NAME_LENGTH) throw new ValidationError(argument, `must be at most ${MAX_NODE_NAME_LENGTH} characters`);
  if (CONTROL.test(name)) throw new ValidationError(argument, 'must not contain NUL, line breaks or other control characters');
}

/** Checks a port number. */
export function checkPort(argument: string, port: unknown): asserts port is number {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535) throw new ValidationError(argument, `must be a whole number from 1 to 65535, got ${String(port)}`);
}

/** Checks a location option: this driver's, and `localhost`. */
export function checkLocation(argument: string, location: ListOptions['location']): void {
  if (location === undefined) return;
  assertOwnModel(argument, location, LOCAL);
  if (location.id !== LOCAL_LOCATION_ID) throw new ValidationError(argument, `the local provider has one location, "${LOCAL_LOCATION_ID}"`);
}

/**
 * Checks `createNode` options before anything happens.
 * @returns the catalog's size and image
 * @throws ValidationError for a bad name, a foreign or unknown size/image/location, any `auth` (local nodes have no
 * login), or a bad `exPort`
 */
export function checkCreateNodeOptions(options: CreateNodeOptions & LocalCreateNodeOptions): { readonly size: NodeSize; readonly image: NodeImage } {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'is required');
  checkNodeName('options.name', options.name);
  assertOwnModel('options.size', options.size, LOCAL);
  const size = findLocalSize(options.size.id);
  if (size === undefined) throw new ValidationError('options.size', `unknown size "${options.size.id}"; local sizes: ${LOCAL_SIZES.map((known) => known.id).join(', ')}`);
  assertOwnModel('options.image', options.image, LOCAL);
  const image = findLocalImage(options.image.id);
  if (image === undefined) throw new ValidationError('options.image', `unknown image "${options.image.id}"; local images: ${localImages().map((known) => known.id).join(', ')}`);
  checkLocation('options.location', options.location);
  if (options.auth !== undefined) throw new ValidationError('options.auth', 'local nodes have no login (features.createNodeAuth is empty); omit auth');
  if (options.exPort !== undefined) checkPort('options.exPort', options.exPort);
  return { size, image };
}

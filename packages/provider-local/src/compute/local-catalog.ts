import { stampProvider } from '@multicloud/core';
import type { NodeImage, NodeLocation, NodeSize } from '@multicloud/compute';
import { LOCAL } from '../local-root.js';

/** A local size: a memory limit, passed to Node.js processes of the node as `--max-old-space-size`. */
export interface LocalSizeShape {
  /** Size id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** Memory limit in MiB: the V8 old-space limit of the node's Node.js processes (advisory for anything else). */
  readonly ram: number;
}

/** The local sizes, smallest first. */
export const LOCAL_SIZES: readonly LocalSizeShape[] = Object.freeze([
  { id: 'small', name: 'Small (256 MiB heap)', ram: 256 },
  { id: 'medium', name: 'Medium (512 MiB heap)', ram: 512 },
  { id: 'large', name: 'Large (1 GiB heap)', ram: 1024 },
]);

/** The local images: what the node's environment provides. */
export const LOCAL_IMAGES = Object.freeze({
  /** The Node.js runtime running the driver: its `node` first on `PATH`, `NODE_OPTIONS` with the size's heap limit. */
  nodejs: 'Node.js',
  /** A POSIX shell (`/bin/sh`) with the host's `PATH` and no `NODE_OPTIONS`. */
  shell: 'POSIX shell',
} as const);

/** A local image id. */
export type LocalImageId = keyof typeof LOCAL_IMAGES;

/** The one location: this machine. */
export const LOCAL_LOCATION_ID = 'localhost';

/** Size models. */
export function localSizes(): NodeSize[] {
  return LOCAL_SIZES.map((size) => stampProvider({ id: size.id, name: size.name, ram: size.ram, disk: 0, price: 0, extra: { maxOldSpaceSizeMb: size.ram } }, LOCAL));
}

/** Image models; `nodejs` names the running Node.js version. */
export function localImages(): NodeImage[] {
  return [
    stampProvider({ id: 'nodejs', name: `${LOCAL_IMAGES.nodejs} ${process.version}`, extra: { runtime: 'node', version: process.version, execPath: process.execPath } }, LOCAL),
    stampProvider({ id: 'shell', name: `${LOCAL_IMAGES.shell} (/bin/sh)`, extra: { runtime: 'sh' } }, LOCAL),
  ];
}

/** The location model. */
export function localLocation(): NodeLocation {
  return stampProvider({ id: LOCAL_LOCATION_ID, name: 'This machine', country: '', extra: { hostname: '127.0.0.1' } }, LOCAL);
}

/** The size with this id, if any. */
export const findLocalSize = (id: string): NodeSize | undefined => localSizes().find((size) => size.id === id);
/** The image with this id, if any. */
export const findLocalImage = (id: string): NodeImage | undefined => localImages().find((image) => image.id === id);

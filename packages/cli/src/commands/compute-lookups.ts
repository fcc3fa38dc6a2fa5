import type { ComputeDriver, NodeImage, NodeLocation } from '@multicloud/compute';
import { findById } from '../support/find-by-id.js';

/** The location named by `--location`, from the driver's own listing. */
export async function locationOption(driver: ComputeDriver, id: string | undefined, signal: AbortSignal | undefined): Promise<NodeLocation | undefined> {
  if (id === undefined) return undefined;
  return findById('location', id, await driver.listLocations({ signal }), 'multicloud compute locations');
}

/** An image from the driver's listing, or one named by id only (EC2 lists only your own images, not public ones). */
export async function imageOption(driver: ComputeDriver, id: string, signal: AbortSignal | undefined): Promise<NodeImage> {
  const images = await driver.listImages({ signal });
  return images.find((image) => image.id === id) ?? Object.freeze({ id, name: id, extra: Object.freeze({}) });
}

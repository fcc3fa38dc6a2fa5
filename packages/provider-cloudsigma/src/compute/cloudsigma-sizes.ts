import { ValidationError, stampProvider } from '@multicloud/core';
import type { NodeSize } from '@multicloud/compute';
import { CLOUDSIGMA } from './cloudsigma-regions.js';

/** One size preset: CloudSigma sells CPU (MHz), RAM and disk freely, so sizes are just convenient combinations. */
export interface CloudSigmaSizePreset {
  /** Preset id. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** CPU in MHz. */
  readonly cpu: number;
  /** RAM in MiB. */
  readonly ram: number;
  /** Boot drive size in GB. */
  readonly disk: number;
}

/**
 * The size presets `listSizes` returns (the same combinations Apache Libcloud offers, taken from CloudSigma's old
 * price examples). Any other combination works too: pass `exCpu` / `exRam` to `createNode`, or a hand-made size
 * with `extra.cpu`.
 */
export const CLOUDSIGMA_SIZE_PRESETS: readonly CloudSigmaSizePreset[] = Object.freeze([
  { id: 'micro-regular', name: 'Micro/Regular instance', cpu: 1100, ram: 640, disk: 13 },
  { id: 'micro-high-cpu', name: 'Micro/High CPU instance', cpu: 2200, ram: 640, disk: 80 },
  { id: 'standard-small', name: 'Standard/Small instance', cpu: 1100, ram: 1741, disk: 50 },
  { id: 'standard-large', name: 'Standard/Large instance', cpu: 4400, ram: 7680, disk: 250 },
  { id: 'standard-extra-large', name: 'Standard/Extra Large instance', cpu: 8800, ram: 15360, disk: 500 },
  { id: 'high-memory-extra-large', name: 'High Memory/Extra Large instance', cpu: 7150, ram: 17510, disk: 250 },
  { id: 'high-memory-double-extra-large', name: 'High Memory/Double Extra Large instance', cpu: 14300, ram: 32768, disk: 500 },
  { id: 'high-cpu-medium', name: 'High CPU/Medium instance', cpu: 5500, ram: 1741, disk: 150 },
  { id: 'high-cpu-extra-large', name: 'High CPU/Extra Large instance', cpu: 20000, ram: 7168, disk: 500 },
].map((preset) => Object.freeze(preset)));

/** The presets as portable sizes (`extra.cpu` in MHz). */
export function cloudSigmaSizes(): NodeSize[] {
  return CLOUDSIGMA_SIZE_PRESETS.map((preset) =>
    stampProvider({ id: preset.id, name: preset.name, ram: preset.ram, disk: preset.disk, extra: { cpu: preset.cpu } }, CLOUDSIGMA));
}

/** CPU and RAM overrides of `createNode`, shared by both API versions. */
export interface CloudSigmaServerShapeOptions {
  /** CPU in MHz, replacing the size's `extra.cpu`. */
  readonly exCpu?: number | undefined;
  /** RAM in MiB, replacing the size's `ram`. */
  readonly exRam?: number | undefined;
}

/** What a new server gets: CPU in MHz, RAM in MiB, boot drive in GB. */
export interface CloudSigmaServerShape {
  /** CPU in MHz. */
  readonly cpu: number;
  /** RAM in MiB. */
  readonly ram: number;
  /** Boot drive in GB. */
  readonly disk: number;
}

const isPositiveInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/** Combines a size with the `exCpu` / `exRam` overrides. @throws ValidationError naming the bad option */
export function resolveServerShape(size: NodeSize, options: CloudSigmaServerShapeOptions): CloudSigmaServerShape {
  for (const option of ['exCpu', 'exRam'] as const) {
    if (options[option] !== undefined && !isPositiveInteger(options[option])) throw new ValidationError(`options.${option}`, 'must be a whole number > 0');
  }
  const cpu = options.exCpu ?? size.extra.cpu;
  if (!isPositiveInteger(cpu)) throw new ValidationError('options.exCpu', `size ${size.id} has no extra.cpu (MHz); pass exCpu`);
  const ram = options.exRam ?? size.ram;
  if (!isPositiveInteger(ram)) throw new ValidationError('options.exRam', `size ${size.id} has no whole ram in MiB; pass exRam`);
  if (typeof size.disk !== 'number' || !Number.isFinite(size.disk) || size.disk < 0) throw new ValidationError('options.size', 'disk must be a number of GB ≥ 0');
  return { cpu, ram, disk: size.disk };
}

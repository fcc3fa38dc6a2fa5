import { stampProvider } from '@multicloud/core';
import type { NodeLocation } from '@multicloud/compute';

/** Provider id of every CloudSigma model. */
export const CLOUDSIGMA = 'cloudsigma';

/** A CloudSigma location: its display name and ISO 3166 country code (empty where our sources do not say). */
export interface CloudSigmaRegion {
  /** Display name of the location. */
  readonly name: string;
  /** ISO 3166 alpha-2 country code, or `''` when unknown. */
  readonly country: string;
}

/** API 2.0 locations: region id → location; the API lives at `https://<region>.cloudsigma.com/api/2.0/`. */
export const CLOUDSIGMA_REGIONS: Readonly<Record<string, CloudSigmaRegion>> = Object.freeze({
  zrh: { name: 'Zurich', country: 'CH' },
  sjc: { name: 'San Jose, CA', country: 'US' },
  wdc: { name: 'Washington, DC', country: 'US' },
  hnl: { name: 'Honolulu, HI', country: 'US' },
  per: { name: 'Perth', country: 'AU' },
  mnl: { name: 'Manila', country: 'PH' },
  fra: { name: 'Frankfurt', country: 'DE' },
  mel: { name: 'Melbourne', country: 'AU' },
  dbl: { name: 'Dublin', country: 'IE' },
  tyo: { name: 'Tokyo', country: 'JP' },
  crk: { name: 'Clark', country: 'PH' },
  ruh: { name: 'Riyadh', country: 'SA' },
  bdn: { name: 'bdn', country: '' },
  gva: { name: 'Geneva', country: 'CH' },
});

/** API 1.0 locations: region id → location; the API lives at `https://api.<region>.cloudsigma.com/`. */
export const CLOUDSIGMA_V1_REGIONS: Readonly<Record<string, CloudSigmaRegion>> = Object.freeze({
  zrh: { name: 'Zurich', country: 'CH' },
  lvs: { name: 'Las Vegas, NV', country: 'US' },
});

/** The one location a driver bound to `region` can create in, as a portable model. */
export function cloudSigmaLocation(region: string, regions: Readonly<Record<string, CloudSigmaRegion>>): NodeLocation {
  const known = regions[region];
  return stampProvider({ id: region, name: known?.name ?? region, country: known?.country ?? '', extra: {} }, CLOUDSIGMA);
}

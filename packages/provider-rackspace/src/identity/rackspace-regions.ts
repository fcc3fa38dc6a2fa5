/** The Rackspace Cloud regions (next-gen Cloud Servers and Cloud Load Balancers), with their city and country. */
export const RACKSPACE_REGIONS = {
  dfw: { name: 'Dallas/Fort Worth', country: 'US' },
  ord: { name: 'Chicago', country: 'US' },
  iad: { name: 'Northern Virginia', country: 'US' },
  lon: { name: 'London', country: 'GB' },
  syd: { name: 'Sydney', country: 'AU' },
  hkg: { name: 'Hong Kong', country: 'HK' },
} as const satisfies Readonly<Record<string, { readonly name: string; readonly country: string }>>;

/** A Rackspace region id, lower case (`dfw`, `ord`, `iad`, `lon`, `syd`, `hkg`). */
export type RackspaceRegion = keyof typeof RACKSPACE_REGIONS;

/** Whether `value` is a Rackspace region id (lower case). */
export function isRackspaceRegion(value: string): value is RackspaceRegion {
  return Object.hasOwn(RACKSPACE_REGIONS, value);
}

import { stampProvider } from '@multicloud/core';
import type { NodeImage, NodeLocation, NodeSize } from '@multicloud/compute';
import { booleanField, objectField, optionName, requiredText, textField, type GoGridObject } from '../gogrid-fields.js';
import { GOGRID } from '../gogrid-provider.js';
import { GOGRID_SERVER_RAM_SIZES } from './gogrid-sizes.js';

/** Data center names → ISO country codes (GoGrid ran US-West-1 in San Francisco, US-East-1 in Ashburn, EU-West-1 in Amsterdam). */
export const GOGRID_DATACENTER_COUNTRIES: Readonly<Record<string, string>> = {
  'US-West-1': 'US',
  'US-East-1': 'US',
  'EU-West-1': 'NL',
};

/** The static sizes, stamped once. */
export const GOGRID_SIZES: readonly NodeSize[] = GOGRID_SERVER_RAM_SIZES.map(([id, ram, disk]) =>
  stampProvider({ id, name: id, ram, disk, extra: {} }, GOGRID),
);

/** The size of a `server.ram` option name, or a bare one for an option this package does not know. */
export function goGridSize(ramName: string): NodeSize {
  return GOGRID_SIZES.find((size) => size.id === ramName) ?? stampProvider({ id: ramName, name: ramName, ram: 0, disk: 0, extra: {} }, GOGRID);
}

/** A `grid/image/list` (or `grid/image/save`) item → NodeImage. */
export function convertGoGridImage(item: GoGridObject): NodeImage {
  const id = requiredText(item, 'id', 'an image');
  const owner = objectField(item, 'owner');
  return stampProvider({
    id,
    name: textField(item, 'friendlyName') ?? textField(item, 'name') ?? id,
    extra: {
      name: textField(item, 'name'),
      description: textField(item, 'description'),
      os: optionName(item, 'os'),
      architecture: optionName(item, 'architecture'),
      type: optionName(item, 'type'),
      state: optionName(item, 'state'),
      isPublic: booleanField(item, 'isPublic'),
      isActive: booleanField(item, 'isActive'),
      owner: owner === undefined ? undefined : textField(owner, 'name'),
      location: textField(item, 'location'),
    },
  }, GOGRID);
}

/** A data-center option (`common/lookup/list?lookup=ip.datacenter`, or a server's `datacenter`) → NodeLocation. */
export function convertGoGridLocation(item: GoGridObject): NodeLocation {
  const name = requiredText(item, 'name', 'a data center');
  return stampProvider({
    id: requiredText(item, 'id', 'a data center'),
    name,
    country: GOGRID_DATACENTER_COUNTRIES[name] ?? '',
    extra: { description: textField(item, 'description') },
  }, GOGRID);
}

import { isIP } from 'node:net';
import { stampProvider } from '@multicloud/core';
import type { Node, NodeImage, NodeLocation, NodeSize } from '@multicloud/compute';
import { blueboxNodeState } from './bluebox-node-state.js';
import { blueboxProductShape } from './bluebox-products.js';
import { BLUEBOX } from './bluebox-settings.js';
import { asRecord, asRecords, optionalNumber, optionalString, requiredString, type JsonRecord } from './json-fields.js';

/** Blue Box's one location (the Blocks API has no location parameter). */
export function blueboxLocation(): NodeLocation {
  return stampProvider({ id: 'seattle', name: 'Blue Box Seattle US', country: 'US', extra: {} }, BLUEBOX);
}

/** Converts a product (`/api/block_products.json`) to a size; `cost` is the hourly price in USD. */
export function convertBlueboxSize(product: JsonRecord): NodeSize {
  const id = requiredString(product, 'id', 'product');
  const name = optionalString(product, 'description', `product ${id}`) ?? '';
  const shape = blueboxProductShape(id, name);
  return stampProvider({
    id,
    name,
    ram: shape?.ram ?? 0,
    disk: shape?.disk ?? 0,
    price: optionalNumber(product, 'cost', `product ${id}`),
    extra: { cpu: shape?.cpu },
  }, BLUEBOX);
}

/** `2009/04/20 15:46:34 -0700` → an ISO date, or undefined when it does not read. */
function templateDate(text: string | undefined): string | undefined {
  const match = text === undefined ? null : /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}${match[5]}:${match[6]}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Converts a template (`/api/block_templates.json`) to an image. */
export function convertBlueboxImage(template: JsonRecord): NodeImage {
  const id = requiredString(template, 'id', 'template');
  const created = optionalString(template, 'created', `template ${id}`);
  return stampProvider({
    id,
    name: optionalString(template, 'description', `template ${id}`) ?? '',
    extra: { public: template.public === true, created, createdAt: templateDate(created) },
  }, BLUEBOX);
}

/** Converts a block to a node: its hostname is the name, its `ips` the public addresses. */
export function convertBlueboxNode(block: JsonRecord): Node {
  const id = requiredString(block, 'id', 'block');
  const what = `block ${id}`;
  const addresses = asRecords(block.ips ?? [], `${what}.ips`).map((ip, index) => requiredString(ip, 'address', `${what}.ips[${index}]`));
  const product = block.product === undefined || block.product === null ? undefined : convertBlueboxSize(asRecord(block.product, `${what}.product`));
  const status = optionalString(block, 'status', what);
  return stampProvider({
    id,
    name: optionalString(block, 'hostname', what) ?? '',
    state: blueboxNodeState(status),
    publicIps: addresses.filter((address) => isIP(address) !== 0),
    privateIps: [],
    provider: BLUEBOX,
    ...(product ? { size: product } : {}),
    extra: {
      status,
      cpu: optionalNumber(block, 'cpu', what),
      memory: optionalNumber(block, 'memory', what),
      storage: optionalNumber(block, 'storage', what),
      description: optionalString(block, 'description', what),
      template: optionalString(block, 'template', what),
    },
  }, BLUEBOX);
}

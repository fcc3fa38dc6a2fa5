import type { Node, NodeImage, NodeLocation, NodeSize } from '@multicloud/compute';
import { formatDate, formatList } from './format.js';
import type { Column } from './table.js';

/** Columns of `compute nodes`. */
export const NODE_COLUMNS: readonly Column<Node>[] = [
  { heading: 'ID', value: (node) => node.id },
  { heading: 'NAME', value: (node) => node.name },
  { heading: 'STATE', value: (node) => node.state },
  { heading: 'PUBLIC IPS', value: (node) => formatList(node.publicIps) },
  { heading: 'PRIVATE IPS', value: (node) => formatList(node.privateIps) },
  { heading: 'SIZE', value: (node) => node.size?.id },
  { heading: 'LOCATION', value: (node) => node.location?.id },
  { heading: 'CREATED', value: (node) => formatDate(node.createdAt) },
];

/** Columns of `compute images`. */
export const IMAGE_COLUMNS: readonly Column<NodeImage>[] = [
  { heading: 'ID', value: (image) => image.id },
  { heading: 'NAME', value: (image) => image.name },
];

/** Columns of `compute sizes`. */
export const SIZE_COLUMNS: readonly Column<NodeSize>[] = [
  { heading: 'ID', value: (size) => size.id },
  { heading: 'NAME', value: (size) => size.name },
  { heading: 'RAM (MiB)', value: (size) => size.ram, alignRight: true },
  { heading: 'DISK (GB)', value: (size) => size.disk, alignRight: true },
  { heading: 'BANDWIDTH', value: (size) => size.bandwidth, alignRight: true },
  { heading: 'PRICE ($/h)', value: (size) => size.price, alignRight: true },
];

/** Columns of `compute locations`. */
export const LOCATION_COLUMNS: readonly Column<NodeLocation>[] = [
  { heading: 'ID', value: (location) => location.id },
  { heading: 'NAME', value: (location) => location.name },
  { heading: 'COUNTRY', value: (location) => location.country },
];

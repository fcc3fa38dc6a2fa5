import type { Container, StorageObject } from '@multicloud/storage';
import { formatBytes, formatDate } from './format.js';
import type { Column } from './table.js';

/** Columns of `storage ls` without a container. */
export const CONTAINER_COLUMNS: readonly Column<Container>[] = [
  { heading: 'NAME', value: (container) => container.name },
];

/** Columns of `storage ls <container>`. */
export const OBJECT_COLUMNS: readonly Column<StorageObject>[] = [
  { heading: 'NAME', value: (object) => object.name },
  { heading: 'SIZE', value: (object) => formatBytes(object.size), alignRight: true },
  { heading: 'LAST MODIFIED', value: (object) => formatDate(object.lastModified) },
  { heading: 'HASH', value: (object) => object.hash },
];

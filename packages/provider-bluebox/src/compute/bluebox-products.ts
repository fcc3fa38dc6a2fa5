/** What the Blocks API does not say about a product: its RAM, disk and CPU share. */
export interface BlueboxProductShape {
  /** RAM in MiB. */
  readonly ram: number;
  /** Disk in GB. */
  readonly disk: number;
  /** CPU cores (fractions for shared cores). */
  readonly cpu: number;
}

/**
 * The known Block products by id, with the shape the API leaves out of `/api/block_products.json` (the same table
 * Apache Libcloud's driver kept). Products not listed here get their RAM from the `NGB` in their description and
 * disk 0.
 */
export const BLUEBOX_PRODUCT_SHAPES: Readonly<Record<string, BlueboxProductShape>> = Object.freeze({
  '94fd37a7-2606-47f7-84d5-9000deda52ae': { ram: 1024, disk: 20, cpu: 0.5 },
  'b412f354-5056-4bf0-a42f-6ddd998aa092': { ram: 2048, disk: 25, cpu: 1 },
  '0cd183d3-0287-4b1a-8288-b3ea8302ed58': { ram: 4096, disk: 50, cpu: 2 },
  'b9b87a5b-2885-4a2e-b434-44a163ca6251': { ram: 8192, disk: 100, cpu: 4 },
});

/** The shape of a product: from the table, else RAM read from a description such as `Block 16GB Virtual Server`. */
export function blueboxProductShape(id: string, description: string): BlueboxProductShape | undefined {
  if (Object.hasOwn(BLUEBOX_PRODUCT_SHAPES, id)) return BLUEBOX_PRODUCT_SHAPES[id];
  const gigabytes = /(\d+(?:\.\d+)?)\s*GB/i.exec(description)?.[1];
  return gigabytes === undefined ? undefined : { ram: Number(gigabytes) * 1024, disk: 0, cpu: 0 };
}

/**
 * GoGrid's server RAM options, as `[id, ram MiB, disk GB]`: a server's size is its `server.ram` option, and the
 * disk comes with it. GoGrid has no size listing with disks, so this is static data (the values Apache Libcloud's
 * GoGrid driver used).
 */
export const GOGRID_SERVER_RAM_SIZES: readonly (readonly [id: string, ram: number, disk: number])[] = [
  ['512MB', 512, 30],
  ['1GB', 1024, 60],
  ['2GB', 2048, 120],
  ['4GB', 4096, 240],
  ['8GB', 8192, 480],
  ['16GB', 16384, 960],
  ['24GB', 24576, 960],
];

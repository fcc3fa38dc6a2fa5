import { createServer } from 'node:net';

/** Ports handed out by {@link reservePort} to node creations still under way in this process. */
const reserved = new Set<number>();

/** Listens on `port` (0: any free one) on 127.0.0.1, closes again, and says which port it was; rejects when taken. */
function probe(port: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Whether nothing listens on `port` of 127.0.0.1 right now. */
export async function isPortFree(port: number): Promise<boolean> {
  return probe(port).then(() => true, () => false);
}

/**
 * Picks a port that is free now and belongs to no node (`taken`) nor to a creation under way; call
 * {@link releasePort} once the node's record holds it.
 */
export async function reservePort(taken: ReadonlySet<number>): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await probe(0);
    if (!taken.has(port) && !reserved.has(port)) {
      reserved.add(port);
      return port;
    }
  }
  throw new Error('no free port found after 50 attempts');
}

/** Ends a reservation made by {@link reservePort}. */
export function releasePort(port: number): void {
  reserved.delete(port);
}

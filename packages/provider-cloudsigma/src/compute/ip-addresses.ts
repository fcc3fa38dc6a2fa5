import { isIP } from 'node:net';

/** Whether an address is private (RFC 1918, RFC 6598 shared, loopback, link-local, IPv6 unique-local / link-local). */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number);
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  const lower = address.toLowerCase();
  return lower === '::1' || lower.startsWith('fc') || lower.startsWith('fd') || lower.startsWith('fe80:');
}

/** Splits addresses into public and private ones, dropping duplicates and anything that is not an IP address. */
export function splitAddresses(addresses: Iterable<string>): { publicIps: string[]; privateIps: string[] } {
  const publicIps: string[] = [];
  const privateIps: string[] = [];
  for (const address of new Set(addresses)) {
    if (isIP(address) === 0) continue;
    (isPrivateAddress(address) ? privateIps : publicIps).push(address);
  }
  return { publicIps, privateIps };
}

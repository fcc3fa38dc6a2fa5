import { describe, expect, it } from 'vitest';
import { isPrivateAddress, splitAddresses } from '../src/compute/ip-addresses.js';

describe('IP address classification', () => {
  it.each(['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', 'fd00::1', 'fe80::1', '::1'])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['185.12.5.181', '172.32.0.1', '172.15.0.1', '192.169.0.1', '100.128.0.1', '8.8.8.8', '2001:db8::1'])('%s is public', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('splits addresses, dropping duplicates and non-addresses such as "auto"', () => {
    expect(splitAddresses(['1.2.3.4', '10.0.0.2', 'auto', '1.2.3.4', '2001:db8::1'])).toEqual({ publicIps: ['1.2.3.4', '2001:db8::1'], privateIps: ['10.0.0.2'] });
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { findEndpoint, type ServiceCatalog } from './service-catalog.js';

const catalog: ServiceCatalog = [
  {
    type: 'object-store',
    name: 'cloudFiles',
    endpoints: [
      { region: 'ORD', publicUrl: 'https://files.ord/v1', internalUrl: 'https://snet.ord/v1' },
      { region: 'LON', publicUrl: 'https://files.lon/v1' },
    ],
  },
  { type: 'compute', name: 'cloudServers', endpoints: [{ publicUrl: 'https://servers.global/v1.0' }] },
  { type: 'compute', name: 'cloudServersOpenStack', endpoints: [{ region: 'DFW', publicUrl: 'https://dfw.servers/v2' }] },
  { type: 'compute', name: 'cloudServersPreprod', endpoints: [{ region: 'DFW', publicUrl: 'https://preprod.dfw/v2' }] },
  { type: 'rax:load-balancer', name: 'cloudLoadBalancers', endpoints: [{ region: 'ORD', adminUrl: 'https://admin.lb.ord' }] },
];

function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (ValidationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('findEndpoint', () => {
  it('finds by name, by type, or both, with the region compared case-insensitively', () => {
    expect(findEndpoint(catalog, { name: 'cloudFiles', region: 'ord' })).toBe('https://files.ord/v1');
    expect(findEndpoint(catalog, { type: 'object-store', region: 'LON' })).toBe('https://files.lon/v1');
    expect(findEndpoint(catalog, { type: 'compute', name: 'cloudServersOpenStack', region: 'dfw' })).toBe('https://dfw.servers/v2');
  });

  it('returns the interface asked for', () => {
    expect(findEndpoint(catalog, { name: 'cloudFiles', region: 'ORD', interface: 'internal' })).toBe('https://snet.ord/v1');
    expect(findEndpoint(catalog, { name: 'cloudLoadBalancers', region: 'ORD', interface: 'admin' })).toBe('https://admin.lb.ord');
  });

  it('lets a region-less (global) endpoint match any region, and prefers a regional one', () => {
    expect(findEndpoint(catalog, { name: 'cloudServers', region: 'SYD' })).toBe('https://servers.global/v1.0');
    expect(findEndpoint(catalog, { name: 'cloudServers' })).toBe('https://servers.global/v1.0');
    // Type `compute` in SYD: only the global service is there.
    expect(findEndpoint(catalog, { type: 'compute', region: 'SYD' })).toBe('https://servers.global/v1.0');
  });

  it('names what the catalog offers when the service is unknown', () => {
    const error = validationError(() => findEndpoint(catalog, { name: 'cloudFile', region: 'ORD' }));
    expect(error.argument).toBe('service');
    expect(error.message).toContain('no service named "cloudFile"');
    expect(error.message).toContain('cloudFiles (object-store): ORD, LON');
    expect(error.message).toContain('cloudServers (compute): all regions');
    expect(error.message).toContain('cloudLoadBalancers (rax:load-balancer): ORD');
  });

  it('names the regions a service is offered in when the region is wrong', () => {
    const error = validationError(() => findEndpoint(catalog, { name: 'cloudFiles', region: 'SYD' }));
    expect(error.argument).toBe('region');
    expect(error.message).toBe('region: service named "cloudFiles" is not offered in region "SYD"; it is offered in: cloudFiles (object-store): ORD, LON');
  });

  it('refuses to guess between different services, or between regions', () => {
    const services = validationError(() => findEndpoint(catalog, { type: 'compute', region: 'DFW' }));
    expect(services.argument).toBe('service');
    expect(services.message).toMatch(/ambiguous.*cloudServersOpenStack.*cloudServersPreprod/);
    const regions = validationError(() => findEndpoint(catalog, { name: 'cloudFiles' }));
    expect(regions.argument).toBe('region');
    expect(regions.message).toContain('ORD, LON');
  });

  it('says which URLs an endpoint has when the interface is missing', () => {
    const error = validationError(() => findEndpoint(catalog, { name: 'cloudFiles', region: 'LON', interface: 'internal' }));
    expect(error.argument).toBe('interface');
    expect(error.message).toContain('has no internal URL in LON; it has: public');
  });

  it('requires a type or a name, and reports an empty catalog as such', () => {
    expect(validationError(() => findEndpoint(catalog, { region: 'ORD' })).argument).toBe('service');
    expect(validationError(() => findEndpoint([], { type: 'compute' })).message).toContain('the catalog is empty');
  });
});

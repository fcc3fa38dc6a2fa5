import { stampProvider } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { useRecordedRackspaceLb } from './support/rackspace-lb-test-driver.js';

const lb = useRecordedRackspaceLb();
const LB = 'https://dfw.loadbalancers.api.rackspacecloud.com/v1.0/11111/loadbalancers';
const balancer = stampProvider({ id: '8290', name: 'test2', state: 'running' as const, ip: '1.1.1.1', port: 80, extra: {} }, 'rackspace');
const requests = () => lb.sent.slice(1).map((request) => [request.method, request.url.replace(LB, ''), request.body ? JSON.parse(request.body) : undefined]);

describe('rackspace lb extras', () => {
  it('manages the access list, waiting after each write', async () => {
    const driver = lb.driver();
    expect(await driver.exListAccessRules(balancer)).toEqual([
      { id: '2883', address: '0.0.0.0/0', type: 'DENY' }, { id: '2884', address: '2001:4801:7901::6/64', type: 'ALLOW' }, { id: '3006', address: '8.8.8.8/0', type: 'DENY' },
    ]);
    await driver.exAddAccessRules(balancer, [{ address: '192.0.2.0/24', type: 'ALLOW' }]);
    await driver.exDeleteAccessRule(balancer, '2883');
    await driver.exClearAccessList(balancer);
    expect(requests()).toEqual([
      ['GET', '/8290/accesslist', undefined],
      ['POST', '/8290/accesslist', { accessList: [{ address: '192.0.2.0/24', type: 'ALLOW' }] }], ['GET', '/8290', undefined],
      ['DELETE', '/8290/accesslist/2883', undefined], ['GET', '/8290', undefined],
      ['DELETE', '/8290/accesslist', undefined], ['GET', '/8290', undefined],
    ]);
    await expect(driver.exAddAccessRules(balancer, [{ address: '1.2.3.4', type: 'MAYBE' as never }])).rejects.toThrow(/^rules\[0\].type: /);
  });

  it('reads, sets and removes the health monitor', async () => {
    const driver = lb.driver();
    expect(await driver.exGetHealthMonitor(balancer)).toEqual({
      type: 'HTTP', path: '/', delay: 10, timeout: 5, attemptsBeforeDeactivation: 2, statusRegex: '^[234][0-9][0-9]$', bodyRegex: 'Hello World!',
    });
    await driver.exSetHealthMonitor(balancer, { type: 'HTTPS', path: '/health', delay: 15, timeout: 12, attemptsBeforeDeactivation: 5, statusRegex: '^2' });
    await driver.exRemoveHealthMonitor(balancer);
    expect(requests()).toEqual([
      ['GET', '/8290/healthmonitor', undefined],
      ['PUT', '/8290/healthmonitor', { healthMonitor: { type: 'HTTPS', path: '/health', delay: 15, timeout: 12, attemptsBeforeDeactivation: 5, statusRegex: '^2' } }], ['GET', '/8290', undefined],
      ['DELETE', '/8290/healthmonitor', undefined], ['GET', '/8290', undefined],
    ]);
    await expect(driver.exSetHealthMonitor(balancer, { type: 'HTTP', delay: 10, timeout: 5, attemptsBeforeDeactivation: 2 })).rejects.toThrow(/^monitor.path: /);
    await expect(driver.exSetHealthMonitor(balancer, { type: 'CONNECT', delay: 0, timeout: 5, attemptsBeforeDeactivation: 2 })).rejects.toThrow(/^monitor.delay: /);
  });

  it('reads, sets and removes connection throttling, and switches connection logging', async () => {
    const driver = lb.driver();
    expect(await driver.exGetConnectionThrottle(balancer)).toEqual({ maxConnections: 200, minConnections: 50, maxConnectionRate: 50, rateInterval: 10 });
    await driver.exSetConnectionThrottle(balancer, { maxConnections: 100, rateInterval: 5 });
    await driver.exRemoveConnectionThrottle(balancer);
    expect(await driver.exGetConnectionLogging(balancer)).toBe(true);
    await driver.exSetConnectionLogging(balancer, false);
    expect(requests()).toEqual([
      ['GET', '/8290/connectionthrottle', undefined],
      ['PUT', '/8290/connectionthrottle', { connectionThrottle: { maxConnections: 100, rateInterval: 5 } }], ['GET', '/8290', undefined],
      ['DELETE', '/8290/connectionthrottle', undefined], ['GET', '/8290', undefined],
      ['GET', '/8290/connectionlogging', undefined],
      ['PUT', '/8290/connectionlogging', { connectionLogging: { enabled: false } }], ['GET', '/8290', undefined],
    ]);
    await expect(driver.exSetConnectionThrottle(balancer, { maxConnections: 200_000 })).rejects.toThrow(/^throttle.maxConnections: /);
  });

  it('reads, sets and removes the error page', async () => {
    const driver = lb.driver();
    expect(await driver.exGetErrorPage(balancer)).toBe('<html>Generic Error Page</html>');
    await driver.exSetErrorPage(balancer, '<html>Down for maintenance</html>');
    await driver.exRemoveErrorPage(balancer);
    expect(requests()).toEqual([
      ['GET', '/8290/errorpage', undefined],
      ['PUT', '/8290/errorpage', { errorpage: { content: '<html>Down for maintenance</html>' } }], ['GET', '/8290', undefined],
      ['DELETE', '/8290/errorpage', undefined], ['GET', '/8290', undefined],
    ]);
  });
});

import { describeConformance } from '@multicloud/core/testing';
import { loadBalancerConformanceChecks } from '@multicloud/lb/testing';
import { afterAll } from 'vitest';
import { createLocalLoadBalancer } from '../src/lb/local-lb-driver.js';
import type { LocalLoadBalancerDriver } from '../src/lb/local-lb-options.js';
import { freePort } from './support/lb-client.js';
import { killAll, startMembers } from './support/lb-members.js';

const members = await startMembers(3);
const kitPort = await freePort();
const drivers: LocalLoadBalancerDriver[] = [];

afterAll(async () => {
  await Promise.all(drivers.map((driver) => driver.exCloseAll()));
  await killAll(members);
});

/** A driver per check, already running one balancer so the listing check has something to look at. */
async function createDriver(): Promise<LocalLoadBalancerDriver> {
  const driver = createLocalLoadBalancer({ healthCheck: { intervalMs: 100 } });
  drivers.push(driver);
  await driver.createBalancer({ name: 'seed', exAnyPort: true, protocol: 'http', members: [members[0]!.spec] });
  return driver;
}

describeConformance('local lb', loadBalancerConformanceChecks({
  provider: 'local',
  createDriver,
  port: kitPort,
  members: [members[0]!.spec, members[1]!.spec],
  extraMember: members[2]!.spec,
  missingBalancerId: 'local-lb-404',
}));

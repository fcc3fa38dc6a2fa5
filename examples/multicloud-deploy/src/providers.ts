import { getDriver, type ApiName } from '@multicloud/core';
import type { ComputeDriver } from '@multicloud/compute';
import type { LoadBalancerDriver } from '@multicloud/lb';
import type { StorageDriver } from '@multicloud/storage';

/**
 * Which package registers which provider id. The demo imports only the register entries it needs, so running it
 * on the local providers loads no cloud code at all.
 */
const REGISTER_ENTRIES: Readonly<Record<string, () => Promise<unknown>>> = {
  local: () => import('@multicloud/provider-local/register'),
  ec2: () => import('@multicloud/provider-ec2/register'),
  s3: () => import('@multicloud/provider-ec2/register'),
  elb: () => import('@multicloud/provider-ec2/register'),
  rackspace: () => import('@multicloud/provider-rackspace/register'),
  cloudfiles: () => import('@multicloud/provider-rackspace/register'),
  'openstack-swift': () => import('@multicloud/provider-rackspace/register'),
  gogrid: () => import('@multicloud/provider-gogrid/register'),
  cloudsigma: () => import('@multicloud/provider-cloudsigma/register'),
  bluebox: () => import('@multicloud/provider-bluebox/register'),
};

async function load(api: ApiName, id: string): Promise<(settings?: object) => unknown> {
  const register = REGISTER_ENTRIES[id];
  if (!register) throw new Error(`unknown provider "${id}"; known: ${Object.keys(REGISTER_ENTRIES).join(', ')}`);
  await register();
  // Credentials come from each provider's environment variables (see its README): the demo passes no secrets.
  return getDriver(api, id) as (settings?: object) => unknown;
}

/** The three drivers of a run, built from the registry by id. */
export interface DemoDrivers {
  readonly storage: StorageDriver;
  readonly compute: ComputeDriver;
  readonly lb: LoadBalancerDriver;
}

/** Builds the drivers for the given provider ids. */
export async function createDrivers(ids: { storage: string; compute: string; lb: string }): Promise<DemoDrivers> {
  const [storage, compute, lb] = await Promise.all([load('storage', ids.storage), load('compute', ids.compute), load('lb', ids.lb)]);
  return { storage: storage() as StorageDriver, compute: compute() as ComputeDriver, lb: lb() as LoadBalancerDriver };
}

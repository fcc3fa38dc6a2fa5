import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libcloudFixtures, useRecordedHttp, type FixtureAnswer, type RecordedHttp } from '@multicloud/fixture-server';
import { createRackspaceLoadBalancer, type RackspaceLoadBalancerDriver, type RackspaceLoadBalancerSettings } from '../../src/index.js';
import { TEST_CREDENTIALS } from './rackspace-compute-test-driver.js';
import { restRoute } from '@multicloud/fixture-server';

/** A balancer id the recorded service answers 404 for. */
export const MISSING_BALANCER_ID = '404404';

/** The flat 404 body Cloud Load Balancers answers (its documented form; Libcloud has no file for it). */
export const BALANCER_NOT_FOUND: FixtureAnswer = { status: 404, body: '{"message":"Load balancer not found","code":404}' };

/** The flat 422 body of a busy balancer, as the service answers it (Libcloud has no file for it). */
export const IMMUTABLE: FixtureAnswer = {
  status: 422,
  body: '{"message":"Load Balancer \'8290\' has a status of \'PENDING_UPDATE\' and is considered immutable.","code":422}',
};

/** An accepted asynchronous write: HTTP 202 without a body. */
export const ACCEPTED: FixtureAnswer = { status: 202, body: '' };

/** A fixture of Libcloud's Rackspace load-balancer folder, parsed. */
export function lbFixture(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${libcloudFixtures('loadbalancer/fixtures/rackspace')}${file}`, 'utf8')) as Record<string, unknown>;
}

/** Balancer 8290 (Libcloud's file) with another status, for the wait-until-active flow. */
export function balancer8290(status: string): FixtureAnswer {
  const document = lbFixture('v1_slug_loadbalancers_8290.json') as { loadBalancer: Record<string, unknown> };
  return { body: JSON.stringify({ loadBalancer: { ...document.loadBalancer, status } }) };
}

/** A sub-resource answer derived from a balancer's details (the service serves each part on its own path). */
function part(file: string, key: string): FixtureAnswer {
  const { loadBalancer } = lbFixture(file) as { loadBalancer: Record<string, unknown> };
  return { body: JSON.stringify({ [key]: loadBalancer[key] }) };
}

const LB = '/v1.0/11111/loadbalancers';
const GET_FILES: Readonly<Record<string, string>> = {
  '8290': 'v1_slug_loadbalancers_8290.json',
  '8291': 'v1_slug_loadbalancers_8291.json',
  '8292': 'v1_slug_loadbalancers_8292.json',
  '94695': 'v1_slug_loadbalancers_94695_full_details.json',
  '94696': 'v1_slug_loadbalancers_94696_http_health_monitor.json',
  '94697': 'v1_slug_loadbalancers_94697_https_health_monitor.json',
  '94698': 'v1_slug_loadbalancers_94698_with_access_list.json',
};

/** The REST endpoints of Keystone and Cloud Load Balancers, answered from Libcloud's files. */
const ENDPOINTS = {
  tokens: { method: 'POST', path: /^\/v2\.0\/tokens$/, answer: { file: '_v2_0__auth.json' } },
  protocols: { method: 'GET', path: new RegExp(`^${LB}/protocols$`), answer: { file: 'v1_slug_loadbalancers_protocols.json' } },
  algorithms: { method: 'GET', path: new RegExp(`^${LB}/algorithms$`), answer: { file: 'v1_slug_loadbalancers_algorithms.json' } },
  list: {
    method: 'GET',
    path: new RegExp(`^${LB}$`),
    answer: (request: { params: URLSearchParams }) => ({ file: request.params.get('nodeaddress') ? 'v1_slug_loadbalancers_nodeaddress.json' : 'v1_slug_loadbalancers.json' }),
  },
  create: { method: 'POST', path: new RegExp(`^${LB}$`), answer: { status: 202, file: 'v1_slug_loadbalancers_post.json' } },
  get: {
    method: 'GET',
    path: new RegExp(`^${LB}/\\d+$`),
    answer: (request: { path: string }) => {
      const file = GET_FILES[request.path.split('/').pop() ?? ''];
      return file ? { file } : BALANCER_NOT_FOUND;
    },
  },
  update: { method: 'PUT|DELETE', path: new RegExp(`^${LB}/\\d+$`), answer: ACCEPTED },
  members: { method: 'GET', path: new RegExp(`^${LB}/\\d+/nodes$`), answer: { file: 'v1_slug_loadbalancers_8290_nodes.json' } },
  addMembers: { method: 'POST', path: new RegExp(`^${LB}/\\d+/nodes$`), answer: { status: 202, file: 'v1_slug_loadbalancers_8290_nodes_post.json' } },
  member: { method: 'PUT|DELETE', path: new RegExp(`^${LB}/\\d+/nodes/\\d+$`), answer: ACCEPTED },
  accessList: { method: 'GET', path: new RegExp(`^${LB}/\\d+/accesslist$`), answer: { file: 'v1_slug_loadbalancers_94698_access_list.json' } },
  healthMonitor: { method: 'GET', path: new RegExp(`^${LB}/\\d+/healthmonitor$`), answer: part('v1_slug_loadbalancers_94696_http_health_monitor.json', 'healthMonitor') },
  throttle: { method: 'GET', path: new RegExp(`^${LB}/\\d+/connectionthrottle$`), answer: part('v1_slug_loadbalancers_94695_full_details.json', 'connectionThrottle') },
  logging: { method: 'GET', path: new RegExp(`^${LB}/\\d+/connectionlogging$`), answer: part('v1_slug_loadbalancers_94695_full_details.json', 'connectionLogging') },
  errorPage: { method: 'GET', path: new RegExp(`^${LB}/\\d+/errorpage$`), answer: { file: 'v1_slug_loadbalancers_8290_errorpage.json' } },
  writes: { method: 'POST|PUT|DELETE', path: new RegExp(`^${LB}/\\d+/(accesslist|accesslist/\\d+|healthmonitor|connectionthrottle|connectionlogging|errorpage)$`), answer: ACCEPTED },
};

/** Recorded HTTP plus a factory for Rackspace load-balancer drivers wired to it. */
export interface RecordedRackspaceLb extends RecordedHttp {
  /** A driver on the recorded HTTP, in DFW, without retries, polling every millisecond. */
  driver(settings?: RackspaceLoadBalancerSettings): RackspaceLoadBalancerDriver;
}

/** Recorded-HTTP wiring for the load-balancer tests, answering from Libcloud's Rackspace fixtures when recording. */
export function useRecordedRackspaceLb(): RecordedRackspaceLb {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'loadbalancer/fixtures/rackspace', (overrides) => restRoute(ENDPOINTS, overrides));
  return {
    ...http,
    driver: (settings: RackspaceLoadBalancerSettings = {}) =>
      createRackspaceLoadBalancer({ ...TEST_CREDENTIALS, region: 'dfw', retry: false, pollIntervalMs: 1, dispatcher: http.dispatcher(), ...settings }),
  };
}

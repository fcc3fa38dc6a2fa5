import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libcloudFixtures, useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { beforeEach } from 'vitest';
import { createGoGridLoadBalancer, type GoGridLoadBalancerDriver, type GoGridLoadBalancerSettings } from '../../src/index.js';
import { MISSING_ID, TEST_CREDENTIALS, goGridMethod, goGridRoute, notFoundBody } from './gogrid-route.js';

/** Libcloud's GoGrid load balancer folder. */
export const LB_FIXTURES = 'loadbalancer/fixtures/gogrid';

/** A Libcloud GoGrid load balancer file, parsed (for tests that derive an answer from one). */
export function lbFixture(file: string): { list: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(`${libcloudFixtures(LB_FIXTURES)}${file}`, 'utf8')) as { list: Record<string, unknown>[] };
}

/** Recorded HTTP plus a factory for GoGrid load-balancer drivers wired to it. */
export interface RecordedGoGridLb extends RecordedHttp {
  /** A load-balancer driver on the recorded HTTP, without retries. */
  driver(settings?: GoGridLoadBalancerSettings): GoGridLoadBalancerDriver;
  /** The API methods the driver called in the current test, in order. */
  methods(): string[];
}

/**
 * Recorded-HTTP wiring for GoGrid load-balancer tests, answering from Libcloud's GoGrid files when recording. Like
 * Libcloud's mock, a delete answers `loadbalancer_add.json`; unlike it, the server remembers an edit, so a get after
 * an edit answers `loadbalancer_edit.json` (the balancer with the added member).
 */
export function useRecordedGoGridLb(): RecordedGoGridLb {
  let edited = false;
  beforeEach(() => {
    edited = false;
  });
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), LB_FIXTURES, (overrides) =>
    goGridRoute({
      'grid/loadbalancer/get': (request) => {
        if (request.params.get('id') === MISSING_ID) return { status: 400, body: notFoundBody('grid/loadbalancer/get') };
        return { file: edited ? 'loadbalancer_edit.json' : 'loadbalancer_get.json' };
      },
      'grid/loadbalancer/edit': () => {
        edited = true;
        return { file: 'loadbalancer_edit.json' };
      },
      'grid/loadbalancer/delete': { file: 'loadbalancer_add.json' },
    }, overrides));
  return {
    ...http,
    driver: (settings: GoGridLoadBalancerSettings = {}) =>
      createGoGridLoadBalancer({ ...TEST_CREDENTIALS, retry: false, pollIntervalMs: 1, dispatcher: http.dispatcher(), ...settings }),
    methods: () => http.sent.map((request) => goGridMethod(new URL(request.url).pathname)),
  };
}

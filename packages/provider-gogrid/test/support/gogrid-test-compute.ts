import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { libcloudFixtures, useRecordedHttp, type RecordedHttp } from '@multicloud/fixture-server';
import { createGoGridCompute, type GoGridComputeDriver, type GoGridComputeSettings } from '../../src/index.js';
import { MISSING_ID, TEST_CREDENTIALS, goGridMethod, goGridRoute, notFoundBody } from './gogrid-route.js';

/** Libcloud's GoGrid compute folder. */
export const COMPUTE_FIXTURES = 'compute/fixtures/gogrid';

/** A Libcloud GoGrid compute file, parsed (for tests that derive an answer from one). */
export function computeFixture(file: string): { list: Record<string, unknown>[] } & Record<string, unknown> {
  return JSON.parse(readFileSync(`${libcloudFixtures(COMPUTE_FIXTURES)}${file}`, 'utf8')) as { list: Record<string, unknown>[] };
}

/** Recorded HTTP plus a factory for GoGrid compute drivers wired to it. */
export interface RecordedGoGridCompute extends RecordedHttp {
  /** A compute driver on the recorded HTTP, without retries, polling every millisecond. */
  driver(settings?: GoGridComputeSettings): GoGridComputeDriver;
  /** The API methods the driver called in the current test, in order. */
  methods(): string[];
}

/** Recorded-HTTP wiring for GoGrid compute tests, answering from Libcloud's GoGrid compute files when recording. */
export function useRecordedGoGridCompute(): RecordedGoGridCompute {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), COMPUTE_FIXTURES, (overrides) =>
    goGridRoute({
      // Libcloud has no file for grid/server/get; GoGrid answers it in the list's format, so the list file serves.
      'grid/server/get': (request) =>
        request.params.get('id') === MISSING_ID ? { status: 400, body: notFoundBody('grid/server/get') } : { file: 'server_list.json' },
    }, overrides));
  return {
    ...http,
    driver: (settings: GoGridComputeSettings = {}) =>
      createGoGridCompute({ ...TEST_CREDENTIALS, retry: false, pollIntervalMs: 1, dispatcher: http.dispatcher(), ...settings }),
    methods: () => http.sent.map((request) => goGridMethod(new URL(request.url).pathname)),
  };
}

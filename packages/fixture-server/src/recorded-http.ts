import { startFixtureServer, type FixtureAnswer, type FixtureRequest, type FixtureRoute, type FixtureServer } from './fixture-server.js';
import { libcloudFixtures } from './libcloud-fixtures.js';
import { modeFromEnvironment, setupPolly, type PollySetup } from '@multicloud/polly-adapter-undici';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

/** A request as it left the driver (captured in replay and record mode alike). */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Query parameters merged with form-encoded body parameters. */
  readonly params: URLSearchParams;
}

/** Route overrides of one test: action → answer. */
export type Overrides = Readonly<Record<string, FixtureAnswer | ((request: FixtureRequest) => FixtureAnswer | undefined)>>;

function headerRecord(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) for (let index = 0; index < headers.length; index += 2) record[String(headers[index]).toLowerCase()] = String(headers[index + 1]);
  else if (headers) for (const [name, value] of Object.entries(headers as Record<string, unknown>)) record[name.toLowerCase()] = String(value);
  return record;
}

/** What {@link useRecordedHttp} gives a test file. */
export interface RecordedHttp {
  /** The dispatcher to give the driver under test (only inside a test). */
  dispatcher(): Dispatcher;
  /** The requests the driver sent in the current test. */
  readonly sent: SentRequest[];
  /** Sets the fixture answers of the current test (used only when recording). */
  answer(next: Overrides): void;
}

/**
 * Wires a test file to recorded HTTP. Each test gets its own recording (named after the test) in
 * `recordingsDir` (a provider's `test/recordings/`). In replay mode (the default) nothing touches the network. With `POLLY_MODE=record`
 * (`pnpm record <provider>`), requests go to a local server answering from Libcloud's fixtures through the
 * driver's real URLs, and the exchanges are saved.
 *
 * @param recordingsDir - absolute folder of the recordings, e.g. `fileURLToPath(new URL('./recordings/', import.meta.url))`
 * @param fixtures - Libcloud fixture folder, e.g. `compute/fixtures/ec2`
 * @param route - builds the route from the current test's overrides
 */
export function useRecordedHttp(recordingsDir: string, fixtures: string, route: (overrides: Overrides) => FixtureRoute): RecordedHttp {
  const mode = modeFromEnvironment();
  let server: FixtureServer | undefined;
  let overrides: Overrides = {};
  let polly: PollySetup | undefined;
  const sent: SentRequest[] = [];
  let dispatcher: Dispatcher | undefined;

  beforeAll(async () => {
    if (mode !== 'replay') server = await startFixtureServer(libcloudFixtures(fixtures), (request) => route(overrides)(request));
  });
  afterAll(async () => server?.close());
  beforeEach(() => {
    overrides = {};
    sent.length = 0;
    const name = (expect.getState().currentTestName ?? 'unnamed').replace(/[^\w.-]+/g, '-');
    polly = setupPolly({ recordingsDir, recordingName: name, mode, global: false, ...(server ? { upstream: server.dispatcher } : {}) });
    dispatcher = polly.dispatcher.compose((dispatch) => (options, handler) => {
      const body = typeof options.body === 'string' ? options.body : options.body instanceof Uint8Array ? Buffer.from(options.body).toString('utf8') : '';
      const path = options.path;
      const query = path.includes('?') ? path.slice(path.indexOf('?') + 1) : '';
      const form = String(headerRecord(options.headers)['content-type'] ?? '').startsWith('application/x-www-form-urlencoded') ? body : '';
      sent.push({ method: options.method, url: `${options.origin}${path}`, headers: headerRecord(options.headers), body, params: new URLSearchParams([query, form].filter(Boolean).join('&')) });
      return dispatch(options, handler);
    });
  });
  afterEach(async () => {
    await polly?.stop();
    polly = undefined;
  });

  return {
    /** The dispatcher to give the driver under test. */
    dispatcher: () => {
      if (!dispatcher) throw new Error('useRecordedHttp: the dispatcher exists only inside a test');
      return dispatcher;
    },
    /** The requests the driver sent in the current test. */
    sent,
    /** Sets the fixture answers of the current test (used only when recording). */
    answer: (next: Overrides) => {
      overrides = next;
    },
  };
}

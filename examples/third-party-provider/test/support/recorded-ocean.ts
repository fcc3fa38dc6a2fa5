import { fileURLToPath } from 'node:url';
import { modeFromEnvironment, setupPolly, type PollySetup } from '@multicloud/polly-adapter-undici';
import type { Dispatcher } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createOceanCompute, type OceanComputeDriver, type OceanComputeSettings } from '../../src/index.js';
import { TEST_TOKEN, startOceanApi, type ApiOverride, type OceanApiServer } from './ocean-api-server.js';

/** A request as it left the driver (captured in replay and record mode alike). */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What {@link useRecordedOcean} gives a test file. */
export interface RecordedOcean {
  /** The requests the driver sent in the current test. */
  readonly sent: SentRequest[];
  /** A driver on the recorded HTTP: the test token, no retries, plus `settings`. */
  driver(settings?: OceanComputeSettings): OceanComputeDriver;
  /** Shapes the local API for the current test (used only when recording): page size cap, error answers. */
  api(options: { readonly maxPerPage?: number; readonly override?: ApiOverride }): void;
}

function headerRecord(headers: Dispatcher.DispatchOptions['headers']): Record<string, string> {
  const record: Record<string, string> = {};
  if (Array.isArray(headers)) for (let index = 0; index < headers.length; index += 2) record[String(headers[index]).toLowerCase()] = String(headers[index + 1]);
  else if (headers) for (const [name, value] of Object.entries(headers as Record<string, unknown>)) record[name.toLowerCase()] = String(value);
  return record;
}

/**
 * Recorded HTTP for a test file, with the published `@multicloud/polly-adapter-undici`: one recording per test in
 * `test/recordings/`. Replay (the default) touches no network. `POLLY_MODE=record` (`pnpm record`) starts the
 * local Ocean API, sends the driver's requests — to its real URLs — there, and saves the exchanges.
 */
export function useRecordedOcean(): RecordedOcean {
  const mode = modeFromEnvironment();
  const recordingsDir = fileURLToPath(new URL('../recordings/', import.meta.url));
  let server: OceanApiServer | undefined;
  let polly: PollySetup | undefined;
  let dispatcher: Dispatcher | undefined;
  const sent: SentRequest[] = [];

  beforeAll(async () => {
    if (mode !== 'replay') server = await startOceanApi();
  });
  afterAll(async () => server?.close());
  beforeEach(() => {
    server?.reset();
    sent.length = 0;
    const recordingName = (expect.getState().currentTestName ?? 'unnamed').replace(/[^\w.-]+/g, '-');
    polly = setupPolly({ recordingsDir, recordingName, mode, global: false, ...(server ? { upstream: server.dispatcher } : {}) });
    dispatcher = polly.dispatcher.compose((dispatch) => (options, handler) => {
      const body = typeof options.body === 'string' ? options.body : options.body instanceof Uint8Array ? Buffer.from(options.body).toString('utf8') : '';
      sent.push({ method: options.method, url: `${String(options.origin)}${options.path}`, headers: headerRecord(options.headers), body });
      return dispatch(options, handler);
    });
  });
  afterEach(async () => {
    await polly?.stop();
    polly = undefined;
  });

  return {
    sent,
    driver: (settings = {}) => {
      if (!dispatcher) throw new Error('useRecordedOcean: drivers exist only inside a test');
      return createOceanCompute({ token: TEST_TOKEN, retry: false, dispatcher, ...settings });
    },
    api: (options) => server?.reset(options),
  };
}

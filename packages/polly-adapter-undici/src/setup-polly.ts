import { Polly, type MODE, type PollyConfig } from '@pollyjs/core';
import FSPersister from '@pollyjs/persister-fs';
import type { Dispatcher } from 'undici';
import { ADAPTER_ID } from './constants.js';
import { createMatchRequestsBy } from './matching.js';
import { pollyDispatcher, type PollyDispatcher } from './polly-dispatcher.js';
import type { Scrubber } from './scrubber.js';
import { UndiciAdapter, type UndiciAdapterOptions } from './undici-adapter.js';

/** The modes {@link setupPolly} accepts. */
export type SetupMode = 'record' | 'replay' | 'passthrough';

/** Settings of {@link setupPolly}. */
export interface SetupPollyOptions {
  /** Directory of the recordings (one folder per recording name). */
  readonly recordingsDir: string;
  /** Name of the recording (a test's name). */
  readonly recordingName: string;
  /** Default: the `POLLY_MODE` environment variable, else `'replay'`. */
  readonly mode?: SetupMode | undefined;
  /** The real dispatcher for record and passthrough. Default: undici's global dispatcher. */
  readonly upstream?: Dispatcher | undefined;
  /** Also install the Polly dispatcher globally while running. Default `true`. */
  readonly global?: boolean | undefined;
  /** Scrubber for saved entries and for matching. Default: the default scrubber. */
  readonly scrubber?: Scrubber | undefined;
  /** More Polly settings, merged over the ones {@link setupPolly} chooses. */
  readonly config?: PollyConfig | undefined;
}

/** What {@link setupPolly} returns. */
export interface PollySetup {
  /** The running Polly instance. */
  readonly polly: Polly;
  /** The dispatcher to give clients (`createTransport({ dispatcher })`, `request(url, { dispatcher })`). */
  readonly dispatcher: PollyDispatcher;
  /** Stops Polly: saves recordings (record mode) and restores the global dispatcher. */
  stop(): Promise<void>;
}

/** Reads `POLLY_MODE` (`record`, `replay` or `passthrough`; default `replay`). */
export function modeFromEnvironment(value: string | undefined = process.env['POLLY_MODE']): SetupMode {
  const mode = (value ?? '').trim().toLowerCase() || 'replay';
  if (mode === 'record' || mode === 'replay' || mode === 'passthrough') return mode;
  throw new TypeError(`POLLY_MODE must be record, replay or passthrough, got "${value}"`);
}

/**
 * Starts Polly for a test with the undici adapter, the file-system persister, the recommended matching and
 * scrubbing. In replay mode (the default) nothing reaches the network: a request without a recording fails
 * with {@link RecordingNotFoundError}. In record mode every request goes to the real server and is saved
 * (error responses too) when `stop()` is called.
 */
export function setupPolly(options: SetupPollyOptions): PollySetup {
  const mode: MODE = options.mode ?? modeFromEnvironment();
  const adapterOptions: UndiciAdapterOptions = {
    global: options.global ?? true,
    ...(options.upstream ? { upstream: options.upstream } : {}),
    ...(options.scrubber ? { scrubber: options.scrubber } : {}),
  };
  const polly = new Polly(options.recordingName, {
    mode,
    adapters: [UndiciAdapter],
    adapterOptions: { [ADAPTER_ID]: adapterOptions },
    persister: FSPersister,
    persisterOptions: { fs: { recordingsDir: options.recordingsDir } },
    recordIfMissing: mode !== 'replay',
    recordFailedRequests: true,
    matchRequestsBy: createMatchRequestsBy({ scrubber: options.scrubber }),
  });
  if (options.config) polly.configure(options.config); // deep-merged by Polly, unlike a spread
  return { polly, dispatcher: pollyDispatcher(polly), stop: () => polly.stop() };
}

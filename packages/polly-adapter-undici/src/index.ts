/**
 * `@multicloud/polly-adapter-undici`: a Polly.js adapter that records and replays HTTP made through undici —
 * `request`, `Pool`, `Agent`, any `Dispatcher`, and the global dispatcher (which Node's own `fetch` shares) —
 * with secrets scrubbed from every recording.
 *
 * @packageDocumentation
 */

export { UndiciAdapter, type UndiciAdapterOptions } from './undici-adapter.js';
export { PollyDispatcher, pollyDispatcher } from './polly-dispatcher.js';
export { AdapterNotConnectedError, RecordingNotFoundError } from './errors.js';
export { setupPolly, modeFromEnvironment, type PollySetup, type SetupMode, type SetupPollyOptions } from './setup-polly.js';
export {
  createMatchRequestsBy,
  normaliseBodyForMatching,
  recommendedMatchRequestsBy,
  recommendedPollyConfig,
  DEFAULT_IGNORED_HEADERS,
  DEFAULT_IGNORED_QUERY_PARAMETERS,
  type MatchingOptions,
  type MatchRequestsBy,
} from './matching.js';
export { createScrubber, defaultScrubber, type Scrubber, type ScrubberNames, type ScrubberOptions } from './scrubber.js';
export {
  REDACTED,
  DEFAULT_SECRET_BODY_KEYS,
  DEFAULT_SECRET_HEADERS,
  DEFAULT_SECRET_JSON_PATHS,
  DEFAULT_SECRET_QUERY_PARAMETERS,
} from './secret-names.js';
export type { HarEntry, HarNameValue, HarRequest, HarResponse } from './har-types.js';

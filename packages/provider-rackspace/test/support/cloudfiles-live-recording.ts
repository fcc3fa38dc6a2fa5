import { fileURLToPath } from 'node:url';
import { SWIFT_AIO_DEFAULT_PORT, probeLiveSwift } from '@multicloud/fixture-server';
import { modeFromEnvironment, setupPolly, type PollySetup } from '@multicloud/polly-adapter-undici';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createOpenStackSwiftStorage, type OpenStackSwiftStorageDriver } from '../../src/index.js';
import { removeContainers } from './cloudfiles-live.js';

/**
 * The local Swift all-in-one as these recordings saw it (`scripts/swift/swift-aio.sh` defaults: tempauth user
 * `test:tester`, key `testing`; the key and every token are scrubbed from the recordings).
 */
const RECORDED_SWIFT = { authUrl: `http://127.0.0.1:${SWIFT_AIO_DEFAULT_PORT}/auth/v1.0`, username: 'test:tester', apiKey: 'testing' } as const;

/** What {@link useLiveSwiftRecording} gives a test file. */
export interface LiveSwiftRecording {
  /** A generic Swift driver (v1.0 auth) whose HTTP is recorded from, or replayed as, the local Swift. */
  driver(): OpenStackSwiftStorageDriver;
}

/**
 * Recorded HTTP against the live local Swift rather than Libcloud's files: one Polly recording per test under
 * `test/recordings/`. Replay (the default) needs no server. With `POLLY_MODE=record` the requests go to the Swift
 * of `scripts/swift/swift-aio.sh` on its default port (it must run), after `containers` are removed there, so
 * the fixed names of the recorded run can be created again.
 */
export function useLiveSwiftRecording(containers: readonly string[]): LiveSwiftRecording {
  const mode = modeFromEnvironment();
  let polly: PollySetup | undefined;
  beforeAll(async () => {
    if (mode !== 'record') return;
    const probe = await probeLiveSwift({ SWIFT_AIO_PROXY_PORT: String(SWIFT_AIO_DEFAULT_PORT) });
    if (probe.live === undefined) throw new Error(`recording needs the local Swift: ${probe.reason}`);
    await removeContainers(createOpenStackSwiftStorage({ ...RECORDED_SWIFT, authVersion: '1.0' }), containers);
  }, 60_000);
  beforeEach(() => {
    const name = (expect.getState().currentTestName ?? 'unnamed').replace(/[^\w.-]+/g, '-');
    polly = setupPolly({ recordingsDir: fileURLToPath(new URL('../recordings/', import.meta.url)), recordingName: name, mode, global: false });
  });
  afterEach(async () => {
    await polly?.stop();
    polly = undefined;
  });
  return {
    driver: () => {
      if (!polly) throw new Error('useLiveSwiftRecording: the driver exists only inside a test');
      return createOpenStackSwiftStorage({ ...RECORDED_SWIFT, authVersion: '1.0', retry: false, dispatcher: polly.dispatcher });
    },
  };
}

import { Agent, type Dispatcher } from 'undici';
import { setupPolly, type SetupPollyOptions } from '../../src/index.js';
import { countConnectAttempts } from './helpers.js';

/** A dispatcher that must never be used: replay tests give it as the upstream. */
export function forbiddenUpstream(): Dispatcher {
  return new Agent().compose(() => () => {
    throw new Error('replay must not reach the upstream dispatcher');
  });
}

/**
 * Runs `scenario` once in record mode against the live server, calls `beforeReplay` (e.g. to stop the server),
 * then runs it again in replay mode with a forbidden upstream, asserting that no undici client tried to connect.
 */
export async function recordThenReplay<T>(
  options: Omit<SetupPollyOptions, 'mode' | 'upstream'>,
  scenario: (dispatcher: Dispatcher) => Promise<T>,
  beforeReplay: () => Promise<void> = async () => undefined,
): Promise<{ recorded: T; replayed: T }> {
  const recorder = setupPolly({ global: false, ...options, mode: 'record' });
  let recorded: T;
  try {
    recorded = await scenario(recorder.dispatcher);
  } finally {
    await recorder.stop();
  }
  await beforeReplay();
  const connects = countConnectAttempts();
  const replayer = setupPolly({ global: false, ...options, mode: 'replay', upstream: forbiddenUpstream() });
  try {
    const replayed = await scenario(replayer.dispatcher);
    if (connects.count !== 0) throw new Error(`replay attempted ${connects.count} connection(s)`);
    return { recorded, replayed };
  } finally {
    connects.stop();
    await replayer.stop();
  }
}

import { CloudError, type TransportEvent } from '@multicloud/core';
import { setupPolly } from '@multicloud/polly-adapter-undici';
import { describe, expect, it } from 'vitest';
import { FAKE_SECRETS, findSecrets } from '../support/credentials.js';
import { causeChain } from '../support/leaks.js';
import { FAKE_ADMIN_PASSWORD, RECORDED_SCENARIOS, recordingName, recordingsOf } from '../support/recorded-scenarios.js';

/**
 * Secrets, part 1: every provider's recorded suite (a success and an error answer per provider and API) replayed
 * from its committed recordings — with this suite's own distinctive credentials and a logger attached. Nothing
 * the SDK produces may contain a credential: not a log event, not a returned model, not an error message, not
 * anything along an error's `cause` chain.
 */
const SECRETS = [...FAKE_SECRETS, FAKE_ADMIN_PASSWORD];

/** The errors inside a scenario's outcome (scenarios return the errors of the calls they expect to fail). */
function errorsIn(outcome: unknown): unknown[] {
  if (outcome instanceof Error) return [outcome];
  return Array.isArray(outcome) ? outcome.flatMap(errorsIn) : [];
}

describe('replayed provider suites leak no credential', () => {
  it.each(RECORDED_SCENARIOS.map((scenario) => [scenario.test, scenario] as const))('%s', async (_test, scenario) => {
    const polly = setupPolly({ recordingsDir: recordingsOf(scenario.packageName), recordingName: recordingName(scenario.test), mode: 'replay', global: false });
    const events: TransportEvent[] = [];
    let outcome: unknown;
    try {
      outcome = await scenario.run({ dispatcher: polly.dispatcher, retry: false, logger: (event) => events.push(event) });
    } catch (error) {
      outcome = error;
    } finally {
      await polly.stop();
    }
    const errors = errorsIn(outcome);
    expect(errors.length > 0).toBe(scenario.answersWithError === true);
    // Every error is one the SDK typed (a replay mismatch would be a RecordingNotFoundError, not a CloudError).
    for (const error of errors) expect(CloudError.isInstance(error), String(error)).toBe(true);
    expect(events.some((event) => event.type === 'request')).toBe(true);
    const produced = [
      JSON.stringify(events),
      ...errors.flatMap(causeChain),
      JSON.stringify(outcome, (_key, value: unknown) => (value instanceof Error ? String(value) : value)),
    ].join('\n');
    expect(findSecrets(produced, SECRETS)).toEqual([]);
  });
});

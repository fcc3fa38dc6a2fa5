/**
 * `@multicloud/core/testing`: the plumbing the per-API conformance kits share. A kit is a list of named checks
 * that throw on failure, so it runs under any test framework; `describeConformance` registers them with vitest.
 *
 * @packageDocumentation
 */
import { describe, it } from 'vitest';

/** One named behaviour a driver must show. */
export interface ConformanceCheck {
  /** What is checked, as a test title. */
  readonly name: string;
  /** Runs the check; rejects with a message saying what is wrong. */
  run(): Promise<void>;
}

/** Throws an `Error` saying what is wrong when `condition` is false (kits must not depend on a test framework). */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`conformance: ${message}`);
}

/**
 * Awaits `action` and checks it rejects with an error that `isExpected` accepts.
 * @returns the error, for further checks
 */
export async function checkRejects(action: () => Promise<unknown>, isExpected: (error: unknown) => boolean, what: string): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    check(isExpected(error), `${what}: rejected with the wrong error: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return error;
  }
  throw new Error(`conformance: ${what}: expected a rejection, but it resolved`);
}

/**
 * Registers a kit's checks as a vitest `describe` block.
 *
 * @example
 * ```ts
 * describeConformance('ec2 compute', computeConformanceChecks({ createDriver, provider: 'ec2' }));
 * ```
 */
export function describeConformance(title: string, checks: readonly ConformanceCheck[]): void {
  describe(`${title} (conformance)`, () => {
    for (const conformance of checks) it(conformance.name, () => conformance.run());
  });
}

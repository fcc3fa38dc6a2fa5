import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FixtureAnswer, FixtureRequest, FixtureRoute } from './fixture-server.js';

/**
 * The folder of Apache Libcloud's recorded fixtures (`shared/fixtures/libcloud`, beside the checkout), e.g.
 * `libcloudFixtures('compute/fixtures/ec2')`. Throws when it is missing, so tests fail rather than skip.
 */
export function libcloudFixtures(subfolder: string): string {
  const folder = fileURLToPath(new URL(`../../../../shared/fixtures/libcloud/${subfolder}/`, import.meta.url));
  if (!existsSync(folder)) throw new Error(`Libcloud fixtures not found at ${folder} (expected shared/ beside the checkout)`);
  return folder;
}

/** `DescribeInstances` → `describe_instances` (Libcloud's file naming). */
export function snakeCase(action: string): string {
  return action.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * A route for AWS-style Query APIs: the `Action` parameter names the file (`<snake_case>.xml`), unless
 * `overrides` says otherwise for that action (a different file, an error status, or a function of the request).
 */
export function queryActionRoute(
  overrides: Readonly<Record<string, FixtureAnswer | ((request: FixtureRequest) => FixtureAnswer | undefined)>> = {},
  parameter = 'Action',
): FixtureRoute {
  return (request) => {
    const action = request.params.get(parameter);
    if (!action) return undefined;
    const override = overrides[action];
    if (typeof override === 'function') return override(request);
    return override ?? { file: `${snakeCase(action)}.xml` };
  };
}

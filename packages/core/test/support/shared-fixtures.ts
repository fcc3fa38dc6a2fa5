import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** `/work/shared/fixtures/`, found relative to this file: packages/core/test/support → the workspace's sibling. */
const SHARED_FIXTURES = new URL('../../../../../shared/fixtures/', import.meta.url);

/**
 * Reads a recorded provider answer from the shared fixture tree, e.g. `libcloud/compute/fixtures/openstack/_v2_0__auth.json`.
 * Throws (failing the test, never skipping it) when the file is missing.
 */
export function readSharedFixture(relativePath: string): string {
  const path = fileURLToPath(new URL(relativePath, SHARED_FIXTURES));
  if (!existsSync(path)) throw new Error(`shared fixture missing: ${path} (expected next to the workspace, in /work/shared/fixtures)`);
  return readFileSync(path, 'utf8');
}

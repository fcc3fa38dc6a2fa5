import { delimiter, dirname } from 'node:path';
import { LOCAL_SIZES } from './local-catalog.js';
import type { NodeRecord } from './local-node-store.js';
import { NODE_ID_VARIABLE } from './local-process-group.js';

/**
 * Host variables a node inherits; everything else of the driver's environment (credentials above all) stays out, as
 * it would on a fresh machine.
 */
export const INHERITED_VARIABLES: readonly string[] = Object.freeze(['PATH', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TMPDIR', 'USER', 'LOGNAME', 'SHELL', 'TERM']);

/**
 * The environment of every process of a node: the inherited host variables, then `HOME` (the working directory),
 * `PORT` (the node's port), `NODE_NAME`, `MULTICLOUD_NODE_ID`; with the `nodejs` image also the running Node.js
 * first on `PATH` and `NODE_OPTIONS=--max-old-space-size=<size ram>`.
 */
export function nodeEnvironment(record: NodeRecord, home: string): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of INHERITED_VARIABLES) {
    const value = process.env[name];
    if (value !== undefined) environment[name] = value;
  }
  environment.PATH ??= '/usr/local/bin:/usr/bin:/bin';
  environment.HOME = home;
  environment.PORT = String(record.port);
  environment.NODE_NAME = record.name;
  environment[NODE_ID_VARIABLE] = record.id;
  if (record.imageId === 'nodejs') {
    environment.PATH = `${dirname(process.execPath)}${delimiter}${environment.PATH}`;
    const ram = LOCAL_SIZES.find((size) => size.id === record.sizeId)?.ram;
    if (ram !== undefined) environment.NODE_OPTIONS = `--max-old-space-size=${ram}`;
  }
  return environment;
}

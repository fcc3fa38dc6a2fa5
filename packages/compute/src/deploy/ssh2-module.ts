import type * as Ssh2 from 'ssh2';

let loading: Promise<typeof Ssh2> | undefined;

/**
 * Loads the `ssh2` package on first use. Every provider package imports `@multicloud/compute`, and ssh2 takes tens of
 * milliseconds to load, so only programs that actually deploy pay for it.
 */
export function loadSsh2(): Promise<typeof Ssh2> {
  loading ??= import('ssh2');
  return loading;
}

import type { Polly } from '@pollyjs/core';
import { ADAPTER_ID } from './constants.js';
import type { HarEntry } from './har-types.js';
import { defaultScrubber, type Scrubber } from './scrubber.js';

const installed = new WeakSet<Polly>();

/** The scrubber configured in `adapterOptions.undici.scrubber` (`false` turns scrubbing off). */
export function scrubberOf(polly: Polly): Scrubber | undefined {
  const option = (polly.config.adapterOptions?.[ADAPTER_ID] as { scrubber?: Scrubber | false } | undefined)?.scrubber;
  return option === false ? undefined : (option ?? defaultScrubber);
}

/**
 * Registers, once per Polly instance, a `beforePersist` handler that scrubs every entry before it is saved —
 * whichever adapter recorded it. Secrets found in one entry are swept from the later ones of the same instance.
 * The configured scrubber is read when the entry is saved (after `polly.stop()` disconnected the adapter).
 */
export function installPersistScrubbing(polly: Polly): void {
  if (installed.has(polly)) return;
  installed.add(polly);
  const known = new Set<string>();
  polly.server.any().on('beforePersist', (_request, entry: HarEntry) => {
    scrubberOf(polly)?.entry(entry, known);
  });
}

import type { TransportEvent, TransportLogger } from '@multicloud/core';

function headerLines(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers).map(([name, value]) => `    ${name}: ${value}`);
}

/** One event as log lines; `level` 1 gives one line per request and response, 2 adds headers and bodies. */
export function formatTransportEvent(event: TransportEvent, level: number): string[] {
  const tag = `[${event.provider}]`;
  switch (event.type) {
    case 'request': {
      const lines = [`${tag} → ${event.method} ${event.url}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`];
      if (level >= 2) lines.push(...headerLines(event.headers), ...(event.body ? [`    ${event.body}`] : []));
      return lines;
    }
    case 'response':
      return [`${tag} ← ${event.status} ${event.method} ${event.url} (${Math.round(event.durationMs)} ms)`, ...(level >= 2 ? headerLines(event.headers) : [])];
    case 'retry':
      return [`${tag} ↻ ${event.method} ${event.url}: ${event.reason}; retrying in ${Math.round(event.delayMs)} ms`];
    case 'error':
      return [`${tag} ✗ ${event.method} ${event.url}: ${event.error}`];
    default:
      return [];
  }
}

/**
 * The `--verbose` request log: the driver's `logger` setting, which receives events the transport has already
 * redacted; `write` scrubs once more with the secrets the CLI knows.
 */
export function createVerboseLogger(level: number, write: (line: string) => void): TransportLogger {
  return (event) => {
    for (const line of formatTransportEvent(event, level)) write(line);
  };
}

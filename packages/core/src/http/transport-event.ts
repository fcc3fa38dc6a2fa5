/**
 * What the transport tells a `logger`. Every field is redacted before the event is emitted: secret headers,
 * signature and token query parameters, passwords and keys in bodies, and every credential value the driver knows.
 */
export type TransportEvent =
  | {
      readonly type: 'request';
      readonly provider: string;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly headers: Readonly<Record<string, string>>;
      /** The body when it is short text; omitted for streams and binary data. */
      readonly body?: string;
    }
  | {
      readonly type: 'response';
      readonly provider: string;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly durationMs: number;
    }
  | {
      readonly type: 'retry';
      readonly provider: string;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly delayMs: number;
      readonly reason: string;
    }
  | {
      readonly type: 'error';
      readonly provider: string;
      readonly attempt: number;
      readonly method: string;
      readonly url: string;
      readonly error: string;
    };

/** Receives transport events; must not throw (a throwing logger is ignored). */
export type TransportLogger = (event: TransportEvent) => void;

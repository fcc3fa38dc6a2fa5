/**
 * Replay found no recording for a request and recording is off (`recordIfMissing: false`, the default of
 * {@link setupPolly} in replay mode). The message names the method and the URL (secret query values redacted).
 */
export class RecordingNotFoundError extends Error {
  /** HTTP method of the unmatched request. */
  readonly method: string;
  /** Its URL, with secret query values redacted. */
  readonly url: string;
  /** The Polly recording that was searched. */
  readonly recordingName: string;

  /** Builds the error for one unmatched request. */
  constructor(recordingName: string, method: string, url: string) {
    super(
      `No recording for ${method} ${url} in Polly recording "${recordingName}", and recording is off ` +
        '(replay mode, recordIfMissing: false). Record it with POLLY_MODE=record, or check what differs from the recorded request.',
    );
    this.name = 'RecordingNotFoundError';
    this.method = method;
    this.url = url;
    this.recordingName = recordingName;
  }
}

/** A request reached a {@link PollyDispatcher} whose Polly instance is paused or stopped. Nothing was sent. */
export class AdapterNotConnectedError extends Error {
  /** Builds the error naming the recording and the request. */
  constructor(recordingName: string, method: string, url: string) {
    super(
      `Polly recording "${recordingName}" is not connected to the undici adapter (paused or stopped), ` +
        `so ${method} ${url} was not sent. Create the client from a running Polly instance.`,
    );
    this.name = 'AdapterNotConnectedError';
  }
}

/**
 * A mistake on the command line that the CLI found itself (an unparsable `--set`, an unknown size id, a missing
 * file): reported with the command's usage and exit code 2. Its message never contains a secret value.
 */
export class UsageError extends Error {
  /** A line suggesting what to do instead, printed after the message. */
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

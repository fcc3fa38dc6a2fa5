/**
 * The exit codes of `multicloud`: 0 success; 1 the provider or the API refused (the typed error's message is
 * printed); 2 a usage error (bad flag, unknown command or provider, invalid input; help is printed); 130 interrupted.
 */
export const EXIT_CODES = Object.freeze({
  /** The command did what was asked. */
  success: 0,
  /** The provider or the API failed: a typed error such as `NodeDoesNotExistError` or `InvalidCredentialsError`. */
  failure: 1,
  /** The command line is wrong: unknown flag, command or provider, a missing argument, invalid input. */
  usage: 2,
  /** Interrupted by Ctrl-C (SIGINT). */
  interrupted: 130,
} as const);

/** One of {@link EXIT_CODES}. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

import { createSecretScrubber } from '@multicloud/core';

/** Names of variables (and `--set` keys) whose values are credentials: never printed, even in errors. */
const SECRET_NAME = /key|secret|password|passwd|token|credential|passphrase/i;

/** Whether a setting or variable name holds a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The secrets the CLI knows of, and a scrubber replacing them with `[REDACTED]` in anything written to stderr. */
export interface SecretRegistry {
  /** Remembers one more secret value (a `--set secretAccessKey=…`, a password read from stdin). */
  add(value: string): void;
  /** Replaces every known secret in `text`. */
  scrub(text: string): string;
}

/** A registry seeded with the values of the credential-like variables of `env` (`AWS_SECRET_ACCESS_KEY`, …). */
export function createSecretRegistry(env: Readonly<Record<string, string | undefined>>): SecretRegistry {
  const values = new Set<string>();
  for (const [name, value] of Object.entries(env)) if (value && isSecretName(name)) values.add(value);
  const scrub = createSecretScrubber(() => [...values].sort((a, b) => b.length - a.length));
  return { add: (value) => void values.add(value), scrub };
}

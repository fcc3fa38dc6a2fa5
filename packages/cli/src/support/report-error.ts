import { CloudError, MissingCredentialsError, ProviderError, ValidationError } from '@multicloud/core';
import { CommanderError, type Command } from 'commander';
import { EXIT_CODES, type ExitCode } from '../exit-codes.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './usage-error.js';

/** `multicloud compute nodes`: the full name of a command. */
function fullName(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent) names.unshift(current.name());
  return names.join(' ');
}

function reportUsage(context: CliContext, message: string, hint: string | undefined): ExitCode {
  context.warn(`error: ${message}`);
  if (hint) context.warn(`hint: ${hint}`);
  const command = context.command;
  if (command) context.warn(`\nUsage: ${fullName(command)} ${command.usage()}\nRun \`${fullName(command)} --help\` for all options.`);
  return EXIT_CODES.usage;
}

function isInterruption(error: unknown, context: CliContext): boolean {
  return context.io.signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
}

/** The fields of an error worth a script's attention, for `--json`. */
function errorDocument(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: 'Error', message: String(error) };
  const document: Record<string, unknown> = { kind: error.name, message: error.message };
  if (ProviderError.isInstance(error)) {
    Object.assign(document, { provider: error.provider, status: error.status, providerCode: error.providerCode, requestId: error.requestId, retryable: error.retryable });
  }
  return document;
}

/**
 * Prints an error the way its kind deserves and returns the exit code: commander's usage errors were already
 * printed with help (2); our usage errors and `ValidationError`s get the command's usage line (2); provider and
 * API errors their kind and message, as JSON on stderr with `--json` (1). Secrets are scrubbed from all of it.
 */
export function reportError(error: unknown, context: CliContext): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.success : EXIT_CODES.usage;
  if (isInterruption(error, context)) {
    context.warn('interrupted');
    return EXIT_CODES.interrupted;
  }
  if (error instanceof UsageError) return reportUsage(context, error.message, error.hint);
  if (ValidationError.isInstance(error)) return reportUsage(context, error.message, undefined);
  if (context.json) {
    context.warn(JSON.stringify({ error: errorDocument(error) }));
  } else {
    const kind = error instanceof Error && (CloudError.isInstance(error) || error.name !== 'Error') ? `${error.name}: ` : '';
    context.warn(`error: ${kind}${error instanceof Error ? error.message : String(error)}`);
    if (MissingCredentialsError.isInstance(error)) {
      const variable = error.environmentVariable ? `export ${error.environmentVariable}=…, or ` : '';
      context.warn(`hint: ${variable}pass --set ${error.option}=… (a variable keeps it out of your shell history and process list)`);
    }
  }
  if (context.verbose > 0 && error instanceof Error && error.stack) context.warn(error.stack);
  return EXIT_CODES.failure;
}

import { buildProgram } from './build-program.js';
import { processIo, type CliIo } from './cli-io.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { createCliContext } from './support/cli-context.js';
import { reportError } from './support/report-error.js';

/**
 * Runs the `multicloud` command line once and returns its exit code (see {@link EXIT_CODES}); never calls
 * `process.exit`. Output goes to `io` (default: the process's streams).
 *
 * @param argv - the arguments after the program name, e.g. `['compute', 'nodes', '--provider', 'ec2']`
 * @param io - streams, environment, working directory and abort signal
 *
 * @example
 * ```ts
 * import { runCli } from '@multicloud/cli';
 * process.exitCode = await runCli(['providers', '--json']);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<ExitCode> {
  const context = createCliContext(io);
  const program = buildProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.success;
  } catch (error) {
    return reportError(error, context);
  }
}

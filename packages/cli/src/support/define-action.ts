import type { Command } from 'commander';
import type { OutputOptions } from '../commands/common-options.js';
import type { CliContext } from './cli-context.js';

/**
 * Sets a command's action: the handler gets the positional arguments and the options (the command's and its
 * parents'), and the context learns the running command and its output mode first.
 */
export function defineAction<O extends OutputOptions>(
  command: Command,
  context: CliContext,
  handler: (args: readonly (string | undefined)[], options: O) => Promise<void>,
): Command {
  return command.action(async (...params: unknown[]) => {
    const self = params[params.length - 1] as Command;
    const options = self.optsWithGlobals<O & Record<string, unknown>>();
    context.command = self;
    context.json = options.json === true;
    context.verbose = options.verbose ?? 0;
    await handler(self.processedArgs as (string | undefined)[], options);
  });
}

import { Command } from 'commander';
import { registerComputeCommands } from './commands/compute-commands.js';
import { registerLbCommands } from './commands/lb-commands.js';
import { registerProvidersCommand } from './commands/providers-command.js';
import { registerStorageCommands } from './commands/storage-commands.js';
import type { CliContext } from './support/cli-context.js';
import { cliVersion } from './version.js';

const EXAMPLES = `
Examples:
  $ multicloud providers
  $ multicloud compute nodes --provider ec2 --region eu-west-1
  $ multicloud compute create --provider ec2 --name web-1 --size t3.micro --image ami-0abc --ssh-key ~/.ssh/id_ed25519.pub --wait
  $ multicloud storage put ./report.pdf my-bucket/reports/ --provider s3
  $ multicloud storage get my-bucket/reports/report.pdf - --provider s3 | less
  $ multicloud storage url my-bucket/reports/report.pdf --expires 15m --provider s3
  $ multicloud lb attach my-balancer i-0abc --provider elb

Credentials come from the same settings and environment variables as the SDK (e.g. AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY, RACKSPACE_USERNAME and RACKSPACE_API_KEY); any setting can be given with --set key=value.
Exit codes: 0 success, 1 provider or API error, 2 usage error, 130 interrupted.`;

/** The `multicloud` command tree, writing through the context's streams and throwing instead of exiting. */
export function buildProgram(context: CliContext): Command {
  const { io, secrets } = context;
  const program = new Command('multicloud')
    .description('One command line for many clouds: compute nodes, storage objects and load balancers.')
    .version(cliVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(secrets.scrub(text)),
    })
    .addHelpText('after', EXAMPLES);
  registerProvidersCommand(program, context);
  registerComputeCommands(program, context);
  registerStorageCommands(program, context);
  registerLbCommands(program, context);
  return program;
}

import { parseArgs } from 'node:util';

/** What the demo is told to use. */
export interface DemoOptions {
  /** Storage provider id (registry), e.g. `local`, `s3`, `cloudfiles`. */
  readonly storage: string;
  /** Compute provider id, e.g. `local`, `ec2`, `rackspace`. */
  readonly compute: string;
  /** Load-balancer provider id, e.g. `local`, `elb`, `gogrid`. */
  readonly lb: string;
  /** Requests sent through the balancer. */
  readonly requests: number;
  /** Size id to create the servers with (default: the first the cloud lists). */
  readonly size?: string | undefined;
  /** Image id to create the servers with (default: the first the cloud lists). */
  readonly image?: string | undefined;
  /** Private key file for SSH to cloud servers. */
  readonly sshKey?: string | undefined;
}

/** The usage text. */
export const USAGE = `usage: pnpm demo [--storage <id>] [--compute <id>] [--lb <id>] [--requests <n>] [--size <id>] [--image <id>] [--ssh-key <file>]

Runs the multi-cloud deployment demo. Every provider defaults to "local" (this machine, nothing else needed).
With real credentials in the environment, e.g. --storage cloudfiles --compute ec2 --lb gogrid runs the same steps
against real clouds. Also read from MULTICLOUD_DEMO_STORAGE, MULTICLOUD_DEMO_COMPUTE and MULTICLOUD_DEMO_LB.`;

/**
 * Reads the demo's flags (then environment variables, then `local`).
 * @throws Error with the usage text for an unknown flag or a bad number
 */
export function readOptions(argv: readonly string[], environment: Readonly<Record<string, string | undefined>> = process.env): DemoOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      storage: { type: 'string' }, compute: { type: 'string' }, lb: { type: 'string' }, requests: { type: 'string' },
      size: { type: 'string' }, image: { type: 'string' }, 'ssh-key': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageRequested();
  const requests = Number(values.requests ?? 300);
  if (!Number.isInteger(requests) || requests < 1 || requests > 100_000) throw new Error(`--requests must be a whole number from 1 to 100000\n\n${USAGE}`);
  return {
    storage: values.storage ?? environment.MULTICLOUD_DEMO_STORAGE ?? 'local',
    compute: values.compute ?? environment.MULTICLOUD_DEMO_COMPUTE ?? 'local',
    lb: values.lb ?? environment.MULTICLOUD_DEMO_LB ?? 'local',
    requests,
    size: values.size,
    image: values.image,
    sshKey: values['ssh-key'],
  };
}

/** Thrown for `--help`: print the usage and exit 0. */
export class UsageRequested extends Error {
  constructor() {
    super(USAGE);
  }
}

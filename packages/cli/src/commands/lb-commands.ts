import { ALGORITHMS, type Algorithm, type LoadBalancerDriver } from '@multicloud/lb';
import { Option, type Command } from 'commander';
import { openDriver } from '../driver/open-driver.js';
import { BALANCER_COLUMNS, MEMBER_COLUMNS } from '../output/lb-columns.js';
import { printOutcome, printRows } from '../output/print.js';
import { renderTable } from '../output/table.js';
import type { CliContext } from '../support/cli-context.js';
import { defineAction } from '../support/define-action.js';
import { findMember, parseMemberSpec } from '../support/member-spec.js';
import { addConnectionOptions, positiveInteger, type ConnectionOptions } from './common-options.js';

/** Options of `lb create`. */
interface CreateOptions extends ConnectionOptions {
  readonly name: string;
  readonly port: number;
  readonly protocol: string;
  readonly algorithm?: Algorithm | undefined;
  readonly member?: readonly string[] | undefined;
}

const collect = (value: string, previous: readonly string[] | undefined): string[] => [...(previous ?? []), value];

/** `multicloud lb …`: ls, members, create, attach, detach, destroy. */
export function registerLbCommands(program: Command, context: CliContext): void {
  const lb = program.command('lb').description('load balancers and their members');
  const open = (options: ConnectionOptions) => openDriver<LoadBalancerDriver>('lb', context, options);
  const signal = context.io.signal;
  const leaf = (name: string, description: string) => addConnectionOptions(lb.command(name).description(description), 'lb');

  defineAction<ConnectionOptions>(leaf('ls', 'list load balancers'), context, async (_args, options) => {
    const driver = await open(options);
    printRows(context, BALANCER_COLUMNS, await driver.listBalancers({ signal }), 'No load balancers.');
  });
  defineAction<ConnectionOptions>(leaf('members', "list a balancer's members").argument('<balancer-id>'), context, async ([id = ''], options) => {
    const driver = await open(options);
    const balancer = await driver.getBalancer(id, { signal });
    printRows(context, MEMBER_COLUMNS, await driver.listMembers(balancer, { signal }), 'No members.');
  });

  const create = leaf('create', 'create a load balancer')
    .requiredOption('--name <name>', 'its name')
    .requiredOption('--port <port>', 'listening port', positiveInteger)
    .requiredOption('--protocol <protocol>', 'protocol, e.g. http or tcp')
    .addOption(new Option('--algorithm <algorithm>', 'balancing algorithm').choices(ALGORITHMS))
    .option('--member <ip:port|id>', 'a first member (repeatable)', collect);
  defineAction<CreateOptions>(create, context, async (_args, options) => {
    const members = (options.member ?? []).map(parseMemberSpec);
    const driver = await open(options);
    const balancer = await driver.createBalancer({
      name: options.name, port: options.port, protocol: options.protocol, algorithm: options.algorithm, members, signal,
    });
    if (context.json) printOutcome(context, balancer, '');
    else context.io.stdout.write(`${renderTable(BALANCER_COLUMNS, [balancer])}\n`);
  });

  defineAction<ConnectionOptions>(leaf('attach', 'add a member').argument('<balancer-id>').argument('<member>', 'ip:port, or an instance id'), context, async ([id = '', text = ''], options) => {
    const spec = parseMemberSpec(text);
    const driver = await open(options);
    const balancer = await driver.getBalancer(id, { signal });
    const member = await driver.attachMember(balancer, spec, { signal });
    printOutcome(context, member, `Attached ${member.ip ? `${member.ip}:${member.port}` : member.id} to ${balancer.name} (${balancer.id}).`);
  });
  defineAction<ConnectionOptions>(leaf('detach', 'remove a member').argument('<balancer-id>').argument('<member>', 'member id, or ip:port'), context, async ([id = '', text = ''], options) => {
    const driver = await open(options);
    const balancer = await driver.getBalancer(id, { signal });
    const member = findMember(await driver.listMembers(balancer, { signal }), text, balancer.id);
    await driver.detachMember(balancer, member, { signal });
    printOutcome(context, member, `Detached ${member.ip ? `${member.ip}:${member.port}` : member.id} from ${balancer.name} (${balancer.id}).`);
  });
  defineAction<ConnectionOptions>(leaf('destroy', 'destroy a load balancer').argument('<balancer-id>'), context, async ([id = ''], options) => {
    const driver = await open(options);
    const balancer = await driver.getBalancer(id, { signal });
    await driver.destroyBalancer(balancer, { signal });
    printOutcome(context, balancer, `Destroying load balancer ${balancer.name} (${balancer.id}).`);
  });
}

/**
 * What the scanner keeps of an element: its children worth reading, each with its own plan, indexed by name
 * length so a tag is matched in place (`startsWith`) instead of being sliced out of the body and hashed. A plan
 * without children keeps the element's text. Everything not named is skipped without being materialised.
 */
export interface Plan {
  /** Entries by name length (`byLength[7]`: the names of 7 characters). */
  readonly byLength: readonly (readonly PlanEntry[] | undefined)[];
}

/** A child element worth reading and how to read it. */
export type PlanEntry = readonly [name: string, plan: Plan];

function plan(children: Readonly<Record<string, Plan>>): Plan {
  const byLength: PlanEntry[][] = [];
  for (const [name, child] of Object.entries(children)) (byLength[name.length] ??= []).push([name, child]);
  return { byLength };
}
/** A leaf: its text is kept. */
const TEXT: Plan = plan({});
/** A `<fooSet>` whose `<item>`s are read with `item`. */
const itemsOf = (item: Plan): Plan => plan({ item });

/**
 * An instance `<item>`: exactly the paths `convertEc2Node` reads. Keep in sync with convert-ec2-node.ts: a field
 * read there but missing here would come out `undefined` (the equivalence tests over generated bodies catch it).
 */
const INSTANCE = plan({
  instanceId: TEXT, imageId: TEXT, instanceType: TEXT, launchTime: TEXT, keyName: TEXT, ipAddress: TEXT,
  privateIpAddress: TEXT, dnsName: TEXT, privateDnsName: TEXT, vpcId: TEXT, subnetId: TEXT, architecture: TEXT,
  rootDeviceType: TEXT, instanceLifecycle: TEXT,
  instanceState: plan({ name: TEXT }),
  placement: plan({ availabilityZone: TEXT }),
  stateReason: plan({ message: TEXT }),
  groupSet: itemsOf(plan({ groupId: TEXT, groupName: TEXT })),
  tagSet: itemsOf(plan({ key: TEXT, value: TEXT })),
});

/** The root element of a `DescribeInstances` (or `RunInstances`) answer: what `ec2InstanceItems` and paging read. */
export const INSTANCES_RESPONSE: Plan = plan({
  nextToken: TEXT,
  reservationSet: itemsOf(plan({ instancesSet: itemsOf(INSTANCE) })),
  instancesSet: itemsOf(INSTANCE),
});

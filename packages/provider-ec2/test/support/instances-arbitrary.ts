import fc from 'fast-check';

/**
 * fast-check arbitraries of `DescribeInstances`/`RunInstances` bodies that are legal XML but exercise what the
 * generator never writes: text split by comments and CDATA, entities, odd whitespace inside tags, `<x/>` versus
 * `<x></x>`, namespace prefixes, repeated fields, fields holding elements, empty and text-only `<item>`s,
 * single-item sets, and instance-level names (`groupSet`, `tagSet`, `instanceId`) nested deeper, where they must not be picked up.
 */

/** Characters of values, including the ones XML must escape and some that are not ASCII. */
const CHARACTERS = ['a', 'Z', '7', '-', ' ', '\t', '\n', '\r\n', '<', '>', '&', '"', "'", ']', ']]', ';', '#', 'é', '日本', '🚀', '\u00a0'];
const value = fc.array(fc.constantFrom(...CHARACTERS), { maxLength: 6 }).map((parts) => parts.join(''));

const escapeText = (text: string, quotes: boolean) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, quotes ? '&gt;' : '>').replace(/"/g, quotes ? '&quot;' : '"').replace(/'/g, quotes ? '&apos;' : "'");

/** One piece of element content: escaped text, a CDATA section, a comment, or blank space. */
const piece = fc.oneof(
  fc.tuple(value, fc.boolean()).map(([text, quotes]) => escapeText(text, quotes)),
  value.map((text) => `<![CDATA[${text.replace(/]]>/g, '')}]]>`),
  fc.constantFrom('<!-- note -->', '<!---->', ' ', '\n  '),
);
const content = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(''));

/** `<name>…</name>` in one of its legal spellings, or an element holding child elements instead of text. */
function element(name: string, inner: fc.Arbitrary<string> = content): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: inner.map((text) => `<${name}>${text}</${name}>`) },
    { weight: 1, arbitrary: inner.map((text) => `<${name} >${text}</${name}\n>`) },
    { weight: 1, arbitrary: inner.map((text) => `<ec2:${name}>${text}</ec2:${name}>`) }, // parseXml drops prefixes
    { weight: 1, arbitrary: fc.constantFrom(`<${name}/>`, `<${name} />`, `<${name}></${name}>`) },
    { weight: 1, arbitrary: fc.constant(`<${name}><nested>x</nested></${name}>`) },
  );
}

/** A `<fooSet>` of items; items may be records, empty, or bare text (which `parseXml` keeps as strings). */
function set(name: string, item: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const entry = fc.oneof({ weight: 8, arbitrary: item.map((inner) => `<item>${inner}</item>`) }, { weight: 1, arbitrary: fc.constantFrom('<item/>', '<item>junk</item>') });
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(entry, { maxLength: 3 }).map((entries) => `<${name}>${entries.join('\n')}</${name}>`) },
    { weight: 1, arbitrary: fc.constantFrom(`<${name}/>`, `<${name}>text</${name}>`) },
  );
}

const fields = (names: readonly string[]) => fc.tuple(...names.map((name) => element(name))).map((parts) => parts.join(''));
const group = fc.shuffledSubarray(['groupId', 'groupName', 'other']).chain(fields);
const tag = fc.shuffledSubarray(['key', 'value', 'resourceType']).chain(fields);
const TEXT_FIELDS = [
  'instanceId', 'imageId', 'instanceType', 'launchTime', 'keyName', 'ipAddress', 'privateIpAddress', 'dnsName', 'privateDnsName',
  'vpcId', 'subnetId', 'architecture', 'rootDeviceType', 'instanceLifecycle', 'reason', 'hypervisor',
];
const STATES = ['running', 'stopped', 'pending', 'shutting-down', 'terminated', 'stopping', 'unheard-of', ' running '];

/** One instance `<item>` body: a random subset of its fields, in random order, some possibly repeated. */
const instance: fc.Arbitrary<string> = fc
  .tuple(
    fc.shuffledSubarray(TEXT_FIELDS).chain((names) => fc.tuple(...names.map((name) => element(name)))),
    fc.option(fc.constantFrom(...STATES).map((state) => `<instanceState><code>16</code><name>${state}</name></instanceState>`)),
    fc.option(element('placement', fc.constantFrom('<availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy>', '<availabilityZone/>', 'text'))),
    fc.option(element('stateReason', fc.constant('<code>c</code><message>Client.UserInitiatedShutdown: why &amp; how</message>'))),
    fc.option(set('groupSet', group)),
    fc.option(set('tagSet', tag)),
    fc.option(fc.constant('<networkInterfaceSet><item><groupSet><item><groupId>sg-eni</groupId></item></groupSet><tagSet><item><key>Name</key><value>eni</value></item></tagSet><instanceId>i-nested</instanceId></item></networkInterfaceSet>')),
    fc.option(element('instanceId')),
  )
  .chain(([texts, ...rest]) => fc.shuffledSubarray([...texts, ...rest.filter((part): part is string => part !== null)], { minLength: texts.length + rest.filter((part) => part !== null).length }))
  .map((parts) => parts.join('\n'));

/** A whole answer: `DescribeInstancesResponse` with reservations, or the `RunInstancesResponse` shape. */
export const instancesBody: fc.Arbitrary<{ body: string; root: string }> = fc
  .record({
    run: fc.boolean(),
    declaration: fc.boolean(),
    prefixed: fc.boolean(),
    instances: fc.array(fc.array(instance, { maxLength: 3 }), { maxLength: 3 }),
    nextToken: fc.option(element('nextToken')),
  })
  .map(({ run, declaration, prefixed, instances, nextToken }) => {
    const root = run ? 'RunInstancesResponse' : 'DescribeInstancesResponse';
    const tag = prefixed ? `ec2:${root}` : root;
    const items = (list: string[]) => (list.length === 0 ? '<instancesSet/>' : `<instancesSet>${list.map((item) => `<item>${item}</item>`).join('')}</instancesSet>`);
    const payload = run
      ? items(instances.flat())
      : `<reservationSet>${instances.map((list) => `<item><reservationId>r-1</reservationId><groupSet/>${items(list)}</item>`).join('\n')}</reservationSet>`;
    const namespace = `xmlns${prefixed ? ':ec2' : ''}="http://ec2.amazonaws.com/doc/2016-11-15/"`;
    const body = `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<${tag} ${namespace}>\n<requestId>req</requestId>${payload}${nextToken ?? ''}\n</${tag}>\n`;
    return { body, root };
  });

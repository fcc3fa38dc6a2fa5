import { readdirSync, readFileSync } from 'node:fs';
import { MalformedResponseError, parseXml, type XmlReader } from '@multicloud/core';
import { libcloudFixtures } from '@multicloud/fixture-server';
import fc from 'fast-check';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { escapeXml, generateDescribeInstances } from '../../../bench/generate-describe-instances.js';
import { text, type XmlRecord } from '../src/aws/xml-fields.js';
import { convertEc2Node, ec2InstanceItems } from '../src/compute/convert-ec2-node.js';
import { createEc2Compute } from '../src/index.js';
import { ec2XmlReader } from '../src/compute/ec2-xml-reader.js';
import { scanInstancesResponse } from '../src/compute/scan-describe-instances.js';
import { instancesBody } from './support/instances-arbitrary.js';
import { TEST_CREDENTIALS } from './support/ec2-test-driver.js';

/** The scanner alone, failing loudly where it would have fallen back: these bodies must take the fast path. */
const scannerOnly: XmlReader = (body) => {
  const document = scanInstancesResponse(body, /<(?:\w+:)?(\w+Response)[\s>/]/.exec(body)?.[1] ?? '');
  if (document === undefined) throw new Error('the scanner gave up');
  return document;
};

/**
 * What the driver makes of a body through `reader` (the query client's root check included): the nodes (with
 * `extra`) and the next page token.
 */
function read(reader: XmlReader, body: string, root = 'DescribeInstancesResponse') {
  const document = reader(body, { provider: 'ec2' });
  if (!(root in document)) throw new MalformedResponseError({ provider: 'ec2', body, reason: `no <${root}>` });
  const element = document[root];
  const response = (typeof element === 'object' && element !== null ? element : {}) as XmlRecord;
  return { nodes: ec2InstanceItems(response).map(convertEc2Node), next: text(response, 'nextToken') };
}

/** `read`, with a MalformedResponseError as a value (anything else, a TypeError say, still fails the test). */
function outcome(reader: XmlReader, body: string, root?: string) {
  try {
    return read(reader, body, root);
  } catch (error) {
    if (MalformedResponseError.isInstance(error)) return 'MalformedResponseError';
    throw error;
  }
}

const fixturesDir = libcloudFixtures('compute/fixtures/ec2');
const instanceFixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.xml') && readFileSync(`${fixturesDir}${file}`, 'utf8').includes('<instancesSet'));

describe('DescribeInstances scanner', () => {
  it('finds the Libcloud fixtures with instances', () => {
    expect(instanceFixtures).toEqual(expect.arrayContaining(['describe_instances.xml', 'run_instances.xml', 'run_instances_iam_profile.xml', 'run_instances_spot.xml']));
  });

  it.each(instanceFixtures)('reads %s exactly as parseXml does', (file) => {
    const body = readFileSync(`${fixturesDir}${file}`, 'utf8');
    const root = /<(\w+Response)[\s>]/.exec(body)?.[1] ?? '';
    const expected = read(parseXml, body, root);
    expect(read(scannerOnly, body, root)).toStrictEqual(expected);
    if (file === 'describe_instances.xml') expect(expected.nodes).toHaveLength(2);
  });

  it.each([0, 1, 7, 100])('reads generated bodies of %i instances exactly as parseXml does', (instances) => {
    for (let seed = 1; seed <= (instances === 100 ? 6 : 40); seed++) {
      for (const layout of ['lines', 'pretty', 'compact'] as const) {
        const body = generateDescribeInstances({ instances, seed, layout, nextToken: seed % 3 === 0 ? `token-${seed}&amp;x` : undefined });
        const expected = read(parseXml, body);
        expect(expected.nodes).toHaveLength(instances);
        expect(read(scannerOnly, body)).toStrictEqual(expected);
      }
    }
  });

  it('keeps unicode, entities and instance-level groups and tags of generated bodies', () => {
    const { nodes } = read(scannerOnly, generateDescribeInstances({ instances: 200, seed: 42 }));
    const tags = nodes.flatMap((node) => Object.values(node.extra.tags as Record<string, string>));
    expect(tags).toEqual(expect.arrayContaining(['開発チーム', 'R&D <core>', 'O\'Brien "quoted"', 'spaced value']));
    const groups = nodes.flatMap((node) => node.extra.securityGroups as { name: string }[]);
    expect(groups.map((group) => group.name)).toContain('web & api');
    expect(groups.map((group) => group.name)).not.toContain('eni-only'); // only in networkInterfaceSet
  });

  it('reads arbitrary legal bodies exactly as parseXml does (comments, CDATA, repeats, odd items)', () => {
    fc.assert(fc.property(instancesBody, ({ body, root }) => {
      expect(read(scannerOnly, body, root)).toStrictEqual(read(parseXml, body, root));
    }), { numRuns: 1500 });
  });

  it('leaves every other answer to parseXml, whole', () => {
    for (const file of ['run_instances.xml', 'describe_images.xml', 'describe_volumes.xml']) {
      const body = readFileSync(`${fixturesDir}${file}`, 'utf8');
      expect(ec2XmlReader(body, { provider: 'ec2' })).toStrictEqual(parseXml(body, { provider: 'ec2' }));
    }
  });

  it('falls back to parseXml for what it does not read itself', () => {
    const base = generateDescribeInstances({ instances: 3, seed: 5 });
    const variants = [
      base.replace('<instanceId>', '<instanceId kind="x">'), // an attribute: parseXml makes it an object
      base.replace(/<(\/?)instanceType>/g, '<$1a:b:instanceType>'), // two prefixes
      `<!DOCTYPE r [<!ENTITY team "DOCTYPE team">]>${base.replace('<?xml version="1.0" encoding="UTF-8"?>', '').replace('<key>Team</key>', '<key>&team;</key>')}`,
      base.replace('<keyName>', '<?pi x?><keyName>'),
      base.replace('>Environment<', '>&copy; Environment<'), // an HTML entity: not XML
      base.replace('</instanceType>', '</instanceTypo>'), // mismatched tags: parseXml is lenient, we do not guess
    ];
    for (const body of variants) {
      expect(scanInstancesResponse(body, 'DescribeInstancesResponse')).toBeUndefined();
      expect(outcome(ec2XmlReader, body)).toStrictEqual(outcome(parseXml, body));
    }
  });

  it('decodes character references as XML defines them', () => {
    // Both paths decode `&#NN;` and `&#xHH;`; each is also checked against the same body with the characters
    // written out (escaped), so neither can agree with the other on a wrong reading.
    const characters = fc.constantFrom('A', ' ', '<', '&', '"', 'é', '日', '🚀', '\t');
    fc.assert(fc.property(fc.array(characters, { minLength: 1, maxLength: 8 }), fc.boolean(), (chars, hex) => {
      const ref = (char: string) => `&#${hex ? `x${char.codePointAt(0)!.toString(16)}` : char.codePointAt(0)};`;
      const body = (value: (chars: string[]) => string) => generateDescribeInstances({ instances: 2, seed: 9 }).replace(/<value>[^<]*<\/value>/, `<value>${value(chars)}</value>`);
      const written = read(parseXml, body((list) => escapeXml(list.join(''))));
      expect(read(scannerOnly, body((list) => list.map(ref).join('')))).toStrictEqual(written);
      expect(read(parseXml, body((list) => list.map(ref).join('')))).toStrictEqual(written);
    }));
    expect(scanInstancesResponse('<R><nextToken>&#0;</nextToken></R>', 'R')).toBeUndefined(); // not a legal character
  });

  it('never turns a broken body into a TypeError: truncated bodies, HTML pages, other roots', () => {
    const body = generateDescribeInstances({ instances: 4, seed: 11 });
    const broken = [
      '', '   ', 'not xml', '<html><body><h1>502 Bad Gateway</h1></body></html>', '<Response><Errors><Error><Code>X</Code></Error></Errors></Response>',
      '<DescribeInstancesResponse>', `${body}<DescribeInstancesResponse/>`, `${body}trailing`, body.replace('<reservationSet>', '<reservationSet>\u0000'),
    ];
    for (let cut = 0; cut < body.length; cut += 97) broken.push(body.slice(0, cut));
    for (const candidate of broken) expect(outcome(ec2XmlReader, candidate)).toStrictEqual(outcome(parseXml, candidate));
    expect(outcome(ec2XmlReader, '<html><body>error</body></html>')).toBe('MalformedResponseError');
  });
});

describe('ec2 driver XML path', () => {
  const ORIGIN = 'https://ec2.us-east-1.amazonaws.com';
  /** A driver answered by a MockAgent with `body` for every POST. */
  function driverAnswering(body: string, settings: { xmlReader?: XmlReader } = {}) {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent.get(ORIGIN).intercept({ path: '/', method: 'POST' }).reply(200, body).persist();
    return createEc2Compute({ ...TEST_CREDENTIALS, region: 'us-east-1', retry: false, dispatcher: agent, ...settings });
  }
  // A body with character references, which both paths decode.
  const body = generateDescribeInstances({ instances: 5, seed: 3 }).replace(/<key>Name<\/key>\s*<value>[^<]*<\/value>/, '<key>Name</key><value>&#x41;&#66;</value>');

  it('lists, iterates and gets nodes through the scanner by default', async () => {
    const driver = driverAnswering(body);
    const nodes = await driver.listNodes();
    expect(nodes.map((node) => node.name)).toContain('AB');
    expect(nodes).toStrictEqual(read(scannerOnly, body).nodes);
    const iterated = [];
    for await (const node of driver.iterateNodes()) iterated.push(node);
    expect(iterated).toStrictEqual(nodes);
    expect(await driver.getNode(nodes[0]!.id)).toStrictEqual(nodes[0]);
  });

  it('uses the xmlReader it is given for everything', async () => {
    const reads: string[] = [];
    const counting: XmlReader = (text, options) => {
      reads.push(text);
      return parseXml(text, options);
    };
    const nodes = await driverAnswering(body, { xmlReader: counting }).listNodes();
    expect(reads).toHaveLength(1); // the one DescribeInstances answer went through it
    expect(nodes.map((node) => node.name)).toContain('AB');
    expect(nodes).toStrictEqual(read(parseXml, body).nodes);
  });

  it('reports an HTML error page as MalformedResponseError', async () => {
    await expect(driverAnswering('<html><body>Service Unavailable</body></html>').listNodes()).rejects.toSatisfy((error) => MalformedResponseError.isInstance(error));
  });
});

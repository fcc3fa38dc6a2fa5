import { readFileSync } from 'node:fs';
import { describeConformance } from '@multicloud/core/testing';
import { computeConformanceChecks } from '@multicloud/compute/testing';
import { libcloudFixtures } from '@multicloud/fixture-server';
import { describe, expect, it } from 'vitest';
import { MISSING_INSTANCE_ID, useRecordedEc2 } from './support/ec2-test-driver.js';

const ec2 = useRecordedEc2();

describeConformance('ec2 compute', computeConformanceChecks({
  provider: 'ec2',
  createDriver: () => ec2.driver(),
  createNodeExtras: { exClientToken: 'conformance-token' },
  missingNodeId: MISSING_INSTANCE_ID,
  chooseSize: (sizes) => sizes.find((size) => size.id === 'm1.small') ?? sizes[0]!,
}));

describe('ec2 listNodes', () => {
  it('parses DescribeInstances and signs a Query API POST', async () => {
    const nodes = await ec2.driver().listNodes();
    expect(nodes.map((node) => [node.id, node.state])).toContainEqual(['i-4382922a', 'stopped']);
    const first = nodes.find((node) => node.id === 'i-4382922a')!;
    expect(first).toMatchObject({ publicIps: ['1.2.3.4'], privateIps: ['10.211.11.211'], provider: 'ec2', size: { id: 'm1.small', ram: 1740 } });
    expect(first.extra).toMatchObject({ keyName: 'fauxkey', availabilityZone: 'us-east-1d', securityGroups: [{ id: 'sg-42916629', name: 'Test Group 1' }, { id: 'sg-42916628', name: 'Test Group 2' }] });
    expect(first.createdAt?.toISOString()).toBe('2013-12-02T11:58:11.000Z');
    expect(nodes.find((node) => node.name === 'Test Server 2')).toBeDefined();

    const [request] = ec2.sent;
    expect(request).toMatchObject({ method: 'POST', url: 'https://ec2.us-east-1.amazonaws.com/' });
    expect(Object.fromEntries(request!.params)).toEqual({ Action: 'DescribeInstances', Version: '2016-11-15', MaxResults: '1000' });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/ec2\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(request!.headers['user-agent']).toMatch(/^multicloud\/\S+ ec2$/);
  });

  it('follows NextToken pages lazily', async () => {
    // Read only when recording (the route runs only then): replays need no fixture files.
    const page = () => readFileSync(`${libcloudFixtures('compute/fixtures/ec2')}describe_instances.xml`, 'utf8');
    ec2.answer({
      DescribeInstances: (request) => ({
        body: request.params.get('NextToken') ? page() : page().replace('</DescribeInstancesResponse>', '<nextToken>page-2</nextToken></DescribeInstancesResponse>'),
      }),
    });
    const driver = ec2.driver();
    const all = await driver.listNodes();
    expect(ec2.sent.map((request) => request.params.get('NextToken'))).toEqual([null, 'page-2']);
    const perPage = all.length / 2;
    expect(all.slice(0, perPage).map((node) => node.id)).toEqual(all.slice(perPage).map((node) => node.id));
  });
});

describe('ec2 createNode', () => {
  it('sends RunInstances with tags, key, groups, user data and the idempotency token', async () => {
    const driver = ec2.driver();
    const size = (await driver.listSizes()).find((candidate) => candidate.id === 'm1.small')!;
    const node = await driver.createNode({
      name: 'web-1', size, image: { id: 'ami-be3adfd7', name: 'ami', extra: {} },
      exKeyName: 'example-key-name', exSecurityGroupIds: ['sg-1', 'sg-2'], exUserData: '#!/bin/sh\necho hi', exClientToken: 'token-1', exTags: { team: 'web' },
    });
    expect(node).toMatchObject({ id: 'i-2ba64342', name: 'web-1', state: 'pending', extra: { tags: { Name: 'web-1', team: 'web' } } });
    expect(Object.fromEntries(ec2.sent[0]!.params)).toEqual({
      Action: 'RunInstances', Version: '2016-11-15', ImageId: 'ami-be3adfd7', InstanceType: 'm1.small', MinCount: '1', MaxCount: '1',
      ClientToken: 'token-1', KeyName: 'example-key-name', 'SecurityGroupId.1': 'sg-1', 'SecurityGroupId.2': 'sg-2',
      UserData: Buffer.from('#!/bin/sh\necho hi').toString('base64'),
      'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'Name', 'TagSpecification.1.Tag.1.Value': 'web-1',
      'TagSpecification.1.Tag.2.Key': 'team', 'TagSpecification.1.Tag.2.Value': 'web',
    });
  });

  it('imports an SSH key given as auth under a name derived from it', async () => {
    ec2.answer({ DescribeKeyPairs: { status: 400, file: 'describe_key_pairs_doesnt_exist.xml' } });
    const driver = ec2.driver();
    const size = (await driver.listSizes())[0]!;
    await driver.createNode({ name: 'web-2', size, image: { id: 'ami-be3adfd7', name: 'ami', extra: {} }, auth: { sshKey: 'ssh-ed25519 AAAAC3Nza test@example' }, exClientToken: 'token-2' });
    const [describe, importKey, run] = ec2.sent.map((request) => request.params);
    expect(describe!.get('Action')).toBe('DescribeKeyPairs');
    expect(importKey!.get('Action')).toBe('ImportKeyPair');
    expect(Buffer.from(importKey!.get('PublicKeyMaterial')!, 'base64').toString()).toBe('ssh-ed25519 AAAAC3Nza test@example');
    expect(run!.get('KeyName')).toBe(importKey!.get('KeyName'));
    expect(run!.get('KeyName')).toMatch(/^multicloud-[0-9a-f]{16}$/);
  });
});

describe('ec2 resources', () => {
  it('lists locations, images, volumes and key pairs', async () => {
    const driver = ec2.driver();
    expect((await driver.listLocations()).map((location) => [location.id, location.country])).toContainEqual(['eu-west-1a', 'IE']);
    const images = await driver.listImages();
    expect(images[0]).toMatchObject({ id: 'ami-57ba933a', name: 'Test Image', extra: { ownerId: '123456788908', architecture: 'x86_64' } });
    expect(ec2.sent[1]!.params.get('Owner.1')).toBe('self');
    const volumes = await driver.listVolumes();
    expect(volumes.map((volume) => [volume.id, volume.size, volume.state])).toContainEqual(['vol-b6c851ec', 8, 'some-unknown-status']);
    expect((await driver.listKeyPairs())[0]).toMatchObject({ name: 'gsg-keypair', fingerprint: '00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00:00' });
  });

  it('creates, attaches, detaches and deletes a volume, and manages key pairs', async () => {
    const driver = ec2.driver();
    const volume = await driver.createVolume({ size: 10, name: 'data' });
    expect(volume).toMatchObject({ id: 'vol-4d826724', name: 'data', size: 10, state: 'creating' });
    const node = (await driver.listNodes())[0]!;
    await driver.attachVolume(node, volume);
    await driver.detachVolume(volume);
    await driver.destroyVolume(volume);
    const created = await driver.createKeyPair('my-key-pair');
    // Recordings never keep a private key: replays see the scrubber's marker, recording runs the real key.
    expect(created.privateKey).toMatch(/BEGIN RSA PRIVATE KEY|^\[REDACTED\]$/);
    const imported = await driver.importKeyPair('keypair', 'ssh-rsa AAAAB3 me');
    expect(imported).toMatchObject({ name: 'keypair', publicKey: 'ssh-rsa AAAAB3 me' });
    await driver.deleteKeyPair(imported);
    const actions = ec2.sent.map((request) => request.params.get('Action'));
    expect(actions).toEqual(['CreateVolume', 'DescribeInstances', 'AttachVolume', 'DetachVolume', 'DeleteVolume', 'CreateKeyPair', 'ImportKeyPair', 'DeleteKeyPair']);
    expect(Object.fromEntries(ec2.sent[0]!.params)).toMatchObject({ Size: '10', AvailabilityZone: 'us-east-1a' });
    expect(Object.fromEntries(ec2.sent[2]!.params)).toMatchObject({ VolumeId: 'vol-4d826724', InstanceId: node.id, Device: '/dev/sdh' });
  });

  it('offers tags, security groups and elastic IPs as ex methods', async () => {
    const driver = ec2.driver();
    await driver.exCreateTags('i-4382922a', { Name: 'renamed' });
    expect(Object.fromEntries(ec2.sent[0]!.params)).toMatchObject({ 'ResourceId.1': 'i-4382922a', 'Tag.1.Key': 'Name', 'Tag.1.Value': 'renamed' });
    const groups = await driver.exListSecurityGroups();
    expect(groups[0]).toMatchObject({ id: 'sg-443d0a12', name: 'WebServers', ingress: [{ protocol: 'tcp', fromPort: 80, toPort: 80, cidrs: ['0.0.0.0/0'] }] });
    expect(await driver.exCreateSecurityGroup('web', 'Web servers')).toBe('sg-52e2f530');
    const address = await driver.exAllocateElasticIp();
    expect(address.ip).toBe('192.0.2.1');
    expect((await driver.exListElasticIps())[0]).toMatchObject({ ip: '1.2.3.4', allocationId: 'eipalloc-602b5d01', instanceId: 'i-4382922a' });
  });
});

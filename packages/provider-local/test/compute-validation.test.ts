import { NodeDoesNotExistError, type Node } from '@multicloud/compute';
import { UnsupportedOperationError, ValidationError, stampProvider } from '@multicloud/core';
import { describe, expect, it } from 'vitest';
import { LOCAL_NODE_STATES, LOCAL_SIZES, createLocalCompute } from '../src/index.js';
import { observedStatus } from '../src/compute/local-node-state.js';
import { temporaryRoot } from './support/local-test-support.js';

const root = temporaryRoot('validation');
const compute = createLocalCompute({ root });
const sizes = await compute.listSizes();
const images = await compute.listImages();
const [location] = await compute.listLocations();
const isValidation = (argument: string) => (error: unknown) => ValidationError.isInstance(error) && error.argument === argument;
const base = { name: 'n', size: sizes[0]!, image: images[0]! };

describe('catalog', () => {
  it('offers sizes with a memory limit, a Node.js and a shell image, and one location', () => {
    expect(sizes.map((size) => [size.id, size.ram, size.disk, size.price])).toEqual(LOCAL_SIZES.map((size) => [size.id, size.ram, 0, 0]));
    expect(images.map((image) => image.id)).toEqual(['nodejs', 'shell']);
    expect(images[0]?.name).toBe(`Node.js ${process.version}`);
    expect(location).toMatchObject({ id: 'localhost', country: '' });
    expect(compute.features).toEqual({ volumes: false, keyPairs: false, startStop: true, createNodeAuth: [] });
  });
});

describe('createNode refuses bad input before doing anything', () => {
  it.each([
    ['options.name', { ...base, name: '' }],
    ['options.name', { ...base, name: 'two\nlines' }],
    ['options.name', { ...base, name: 'x'.repeat(256) }],
    ['options.size', { ...base, size: stampProvider({ ...sizes[0]!, id: 'huge' }, 'local') }],
    ['options.size', { ...base, size: stampProvider({ ...sizes[0]!, id: 'small' }, 'ec2') }],
    ['options.image', { ...base, image: stampProvider({ ...images[0]!, id: 'windows' }, 'local') }],
    ['options.location', { ...base, location: stampProvider({ ...location!, id: 'mars' }, 'local') }],
    ['options.auth', { ...base, auth: { sshKey: 'ssh-ed25519 AAAA' } }],
    ['options.exPort', { ...base, exPort: 70_000 }],
  ])('%s', async (argument, options) => {
    await expect(compute.createNode(options as never)).rejects.toSatisfy(isValidation(argument));
    expect(await compute.listNodes()).toEqual([]);
  });
});

describe('node operations', () => {
  const forged = (id: string, provider = 'local'): Node => stampProvider({ id, name: 'x', state: 'running', publicIps: [], privateIps: [], provider, extra: {} }, provider);

  it('say NodeDoesNotExistError for missing nodes and ids that cannot be node ids', async () => {
    for (const id of ['node-00000000', '../../etc', 'node-1/../../x', 'NODE-00000000']) {
      await expect(compute.getNode(id)).rejects.toSatisfy((error: unknown) => NodeDoesNotExistError.isInstance(error));
    }
    for (const operation of ['startNode', 'stopNode', 'rebootNode', 'destroyNode', 'exOpenChannel'] as const) {
      await expect(compute[operation](forged('node-00000000'))).rejects.toSatisfy((error: unknown) => NodeDoesNotExistError.isInstance(error));
      await expect(compute[operation](forged('node-00000000', 'ec2'))).rejects.toSatisfy(isValidation('node'));
    }
    await expect(compute.getNode('')).rejects.toSatisfy(isValidation('id'));
  });

  it('check services and locations', async () => {
    await expect(compute.exStartService(forged('node-00000000'), { name: '../x', command: 'true' })).rejects.toSatisfy(isValidation('service.name'));
    await expect(compute.exStartService(forged('node-00000000'), { name: 'supervisor', command: 'true' })).rejects.toSatisfy(isValidation('service.name'));
    await expect(compute.exStartService(forged('node-00000000'), { name: 'web', command: ' ' })).rejects.toSatisfy(isValidation('service.command'));
    await expect(compute.listSizes({ location: stampProvider({ ...location!, id: 'x' }, 'gogrid') })).rejects.toSatisfy(isValidation('options.location'));
    expect(await compute.listImages({ location })).toHaveLength(2);
  });

  it('reject every volume and key pair operation', async () => {
    const calls = [
      () => compute.listVolumes(), () => compute.createVolume({ size: 1, name: 'v' }), () => compute.listKeyPairs(),
      () => compute.getKeyPair('k'), () => compute.createKeyPair('k'), () => compute.importKeyPair('k', 'ssh-ed25519 A'),
    ];
    for (const call of calls) await expect(call()).rejects.toSatisfy((error: unknown) => UnsupportedOperationError.isInstance(error));
  });

  it('refuse bad settings at construction', () => {
    expect(() => createLocalCompute({ root: 'a\0b' })).toThrow(ValidationError);
    expect(() => createLocalCompute({ stopGraceMs: -1 })).toThrow(ValidationError);
    expect(() => createLocalCompute({ startTimeoutMs: Number.NaN })).toThrow(ValidationError);
  });
});

describe('state mapping', () => {
  it('maps every local status, and corrects the record by what the supervisor does', () => {
    expect(LOCAL_NODE_STATES).toEqual({ starting: 'starting', running: 'running', stopping: 'stopping', stopped: 'stopped', rebooting: 'rebooting', destroying: 'terminated' });
    expect(observedStatus('running', false, false)).toBe('stopped');
    expect(observedStatus('starting', true, false)).toBe('running');
    expect(observedStatus('rebooting', false, true)).toBe('rebooting');
    expect(observedStatus('destroying', true, false)).toBe('destroying');
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { assertNonEmptyString, assertOwnModel, providerOf, stampProvider } from './model-provider.js';

describe('model provider stamps', () => {
  it('stamp without changing JSON, and freeze', () => {
    const size = stampProvider({ id: 't3.micro', name: 'micro' }, 'ec2');
    expect(providerOf(size)).toBe('ec2');
    expect(JSON.stringify(size)).toBe('{"id":"t3.micro","name":"micro"}');
    expect(Object.isFrozen(size)).toBe(true);
  });

  it('accept own and hand-made models, refuse another cloud\'s', () => {
    expect(() => assertOwnModel('options.size', stampProvider({ id: 'a' }, 'ec2'), 'ec2')).not.toThrow();
    expect(() => assertOwnModel('options.size', { id: 'a' }, 'ec2')).not.toThrow();
    expect(() => assertOwnModel('options.size', stampProvider({ id: '2' }, 'rackspace'), 'ec2')).toThrow(
      /^options.size: comes from provider "rackspace", not "ec2"/,
    );
    expect(() => assertOwnModel('options.image', undefined, 'ec2')).toThrow(ValidationError);
    expect(() => assertOwnModel('options.image', { id: '' }, 'ec2')).toThrow(/non-empty string id/);
    expect(() => assertOwnModel('container', stampProvider({ name: 'bucket' }, 's3'), 's3')).not.toThrow();
    expect(() => assertOwnModel('container', stampProvider({ name: 'bucket' }, 'local'), 's3')).toThrow(/^container: comes from provider "local"/);
    expect(() => assertOwnModel('container', { name: '' }, 's3')).toThrow(/non-empty string name/);
  });

  it('require non-blank strings', () => {
    expect(() => assertNonEmptyString('options.name', ' ')).toThrow(/^options.name: must be a non-empty string$/);
    expect(() => assertNonEmptyString('options.name', 'web')).not.toThrow();
  });
});

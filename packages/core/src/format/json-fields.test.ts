import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from '../errors/errors.js';
import { jsonFields } from './json-fields.js';

const { asRecord, asRecords, optionalNumber, optionalRecord, optionalString, recordList, requiredString } = jsonFields('acme');
const lenient = jsonFields('acme', { numericStrings: true });

/** The error `read` throws (fails the test when it throws nothing). */
function failure(read: () => unknown): MalformedResponseError {
  try {
    read();
  } catch (error) {
    expect(MalformedResponseError.isInstance(error)).toBe(true);
    return error as MalformedResponseError;
  }
  throw new Error('expected a MalformedResponseError');
}

describe('jsonFields', () => {
  const server = { id: 'srv-1', name: '', ram: 512, disk: '20', tags: null, owner: { id: 'u-1' }, ips: [{ ip: '10.0.0.1' }] };

  it('reads fields of the expected shape', () => {
    expect(asRecord(server, 'server')).toBe(server);
    expect(asRecords(server.ips, 'server.ips')).toEqual([{ ip: '10.0.0.1' }]);
    expect(requiredString(server, 'id', 'server')).toBe('srv-1');
    expect(optionalString(server, 'id', 'server')).toBe('srv-1');
    expect(optionalString(server, 'absent', 'server')).toBeUndefined();
    expect(optionalNumber(server, 'ram', 'server')).toBe(512);
    expect(optionalNumber(server, 'tags', 'server')).toBeUndefined();
    expect(optionalRecord(server, 'owner', 'server')).toEqual({ id: 'u-1' });
    expect(optionalRecord(server, 'tags', 'server')).toBeUndefined();
    expect(recordList(server, 'ips', 'server')).toEqual([{ ip: '10.0.0.1' }]);
    expect(recordList(server, 'tags', 'server')).toEqual([]);
    expect(recordList(server, 'absent', 'server')).toEqual([]);
  });

  it('names the provider and the field that is wrong, with a copy of the value', () => {
    const error = failure(() => requiredString(server, 'name', 'server'));
    expect(error.provider).toBe('acme');
    expect(error.message).toBe('acme: malformed response (server.name is not a non-empty string)');
    expect(JSON.parse(error.body)).toEqual(server);
    expect(failure(() => asRecord([1], 'server')).message).toContain('server is not an object');
    expect(failure(() => asRecords({}, 'servers')).message).toContain('servers is not an array');
    expect(failure(() => recordList(server, 'owner', 'server')).message).toContain('server.owner is not an array');
    expect(failure(() => recordList({ ips: [{}, 'x'] }, 'ips', 'server')).message).toContain('server.ips[1] is not an object');
    expect(failure(() => optionalRecord(server, 'ram', 'server')).message).toContain('server.ram is not an object');
    expect(failure(() => optionalString(server, 'ram', 'server')).message).toContain('server.ram is not a string');
    expect(failure(() => optionalNumber({ ram: Number.NaN }, 'ram', 'server')).message).toContain('server.ram is not a number');
  });

  it('reads numbers sent as strings only when asked to', () => {
    expect(failure(() => optionalNumber(server, 'disk', 'server')).message).toContain('server.disk is not a number');
    expect(lenient.optionalNumber(server, 'disk', 'server')).toBe(20);
    expect(failure(() => lenient.optionalNumber({ disk: ' ' }, 'disk', 'server')).message).toContain('server.disk is not a number');
    expect(failure(() => lenient.optionalNumber({ disk: '20 GB' }, 'disk', 'server')).message).toContain('server.disk is not a number');
  });

  it('keeps a value that cannot be serialised as its string form', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(failure(() => asRecords(cyclic, 'servers')).body).toBe('[object Object]');
    expect(failure(() => asRecord(undefined, 'server')).body).toBe('undefined');
  });
});

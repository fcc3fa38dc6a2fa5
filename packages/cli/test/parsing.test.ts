import { describe, expect, it } from 'vitest';
import { parseSettingPairs } from '../src/driver/setting-pairs.js';
import { parseDuration } from '../src/support/duration.js';
import { findMember, parseMemberSpec } from '../src/support/member-spec.js';
import { parseObjectName, parseObjectPath } from '../src/support/object-path.js';
import { UsageError } from '../src/support/usage-error.js';

describe('--set pairs', () => {
  it('reads strings with = and JSON with :=', () => {
    expect(parseSettingPairs(['apiVersion=1.0', 'retry:=false', 'pollIntervalMs:=500', 'exTags:={"team":"web"}', 'note=a=b'])).toEqual({
      apiVersion: '1.0', retry: false, pollIntervalMs: 500, exTags: { team: 'web' }, note: 'a=b',
    });
  });

  it('refuses bad keys, reserved settings and bad JSON, never quoting the value', () => {
    expect(() => parseSettingPairs(['=value'])).toThrow(UsageError);
    expect(() => parseSettingPairs(['novalue'])).toThrow(/--set expects key=value/);
    expect(() => parseSettingPairs(['logger=x'])).toThrow('--set logger: this setting cannot be given on the command line');
    const error = (() => {
      try {
        parseSettingPairs(['apiKey:=s3cr3t-not-json']);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toBe('--set apiKey:= expects a JSON value (true, 42, "text", {...})');
  });
});

describe('durations', () => {
  it.each([['3600', 3600], ['90s', 90], ['15m', 900], ['12h', 43_200], ['7d', 604_800]])('%s is %i seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '0', '-5', '1.5h', '10y', 'soon'])('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow('expected a duration such as 3600, 90s, 15m, 12h or 7d');
  });
});

describe('container/name paths', () => {
  it('splits at the first slash and keeps the rest as the name or prefix', () => {
    expect(parseObjectPath('bucket')).toEqual({ container: 'bucket', name: '' });
    expect(parseObjectPath('bucket/a/b c/ü.txt')).toEqual({ container: 'bucket', name: 'a/b c/ü.txt' });
    expect(() => parseObjectPath('/name')).toThrow('expected container/name, got "/name"');
    expect(() => parseObjectName('bucket/')).toThrow('(no object name)');
  });
});

describe('members', () => {
  it('reads ip:port (IPv6 in brackets) or an id', () => {
    expect(parseMemberSpec('10.0.0.5:8080')).toEqual({ ip: '10.0.0.5', port: 8080 });
    expect(parseMemberSpec('[2001:db8::1]:443')).toEqual({ ip: '2001:db8::1', port: 443 });
    expect(parseMemberSpec('i-0abc')).toEqual({ id: 'i-0abc' });
    expect(() => parseMemberSpec('10.0.0.5:0')).toThrow('member port must be 1-65535');
    expect(() => parseMemberSpec('2001:db8::1')).toThrow('expected a member as ip:port or an id');
  });

  it('finds a member by id or by address', () => {
    const members = [{ id: 'm-1', ip: '10.0.0.5', port: 80, extra: {} }, { id: 'm-2', ip: '10.0.0.6', port: 80, extra: {} }];
    expect(findMember(members, '10.0.0.6:80', 'lb-1').id).toBe('m-2');
    expect(findMember(members, 'm-1', 'lb-1').id).toBe('m-1');
    expect(() => findMember(members, '10.0.0.7:80', 'lb-1')).toThrow('balancer lb-1 has no member "10.0.0.7:80" (members: m-1 (10.0.0.5:80), m-2 (10.0.0.6:80))');
  });
});

import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors/errors.js';
import { formatAmzDate } from './format-amz-date.js';

describe('formatAmzDate', () => {
  it('formats UTC without separators or milliseconds', () => {
    expect(formatAmzDate(new Date('2015-08-30T12:36:00.999Z'))).toBe('20150830T123600Z');
    expect(formatAmzDate(new Date('2013-05-24T00:00:00+02:00'))).toBe('20130523T220000Z');
  });

  it('rejects an invalid date', () => {
    expect(() => formatAmzDate(new Date('nope'))).toThrow(ValidationError);
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatTransportEvent } from '../src/driver/verbose-logger.js';
import { formatBytes, formatDate } from '../src/output/format.js';
import { renderTable } from '../src/output/table.js';
import { createTransferProgress } from '../src/output/transfer-progress.js';
import { createSecretRegistry } from '../src/support/secrets.js';

async function* chunks(...sizes: number[]): AsyncGenerator<Uint8Array> {
  for (const size of sizes) yield new Uint8Array(size);
}

describe('tables', () => {
  it('aligns columns without borders or trailing spaces, numbers to the right', () => {
    const table = renderTable(
      [{ heading: 'ID', value: (row: { id: string; ram: number }) => row.id }, { heading: 'RAM', value: (row) => row.ram, alignRight: true }],
      [{ id: 'small', ram: 512 }, { id: 'x', ram: 16_384 }],
    );
    expect(table).toBe('ID       RAM\nsmall    512\nx      16384');
  });
});

describe('formats', () => {
  it.each([[0, '0 B'], [999, '999 B'], [1000, '1.00 kB'], [1_234_567, '1.23 MB'], [12_600_000, '12.6 MB'], [987_000_000_000, '987 GB']])('%i bytes is %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('prints dates to the second in UTC, and nothing for none', () => {
    expect(formatDate(new Date('2013-12-02T11:58:11.000Z'))).toBe('2013-12-02T11:58:11Z');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('secrets', () => {
  it('scrubs the values of credential variables and of added secrets, plain and URL-encoded', () => {
    const secrets = createSecretRegistry({ AWS_SECRET_ACCESS_KEY: 'abc/def+ghi', HOME: '/root', RACKSPACE_API_KEY: 'rk-123456' });
    secrets.add('pass word!');
    expect(secrets.scrub('k=abc%2Fdef%2Bghi x=rk-123456 p=pass word! home=/root')).toBe('k=[REDACTED] x=[REDACTED] p=[REDACTED] home=/root');
  });
});

describe('request log', () => {
  it('gives one line per request and response, headers and bodies from -vv', () => {
    const request = { type: 'request', provider: 'ec2', attempt: 2, method: 'POST', url: 'https://ec2/', headers: { authorization: '[REDACTED]' }, body: 'Action=X' } as const;
    expect(formatTransportEvent(request, 1)).toEqual(['[ec2] → POST https://ec2/ (attempt 2)']);
    expect(formatTransportEvent(request, 2)).toEqual(['[ec2] → POST https://ec2/ (attempt 2)', '    authorization: [REDACTED]', '    Action=X']);
    expect(formatTransportEvent({ type: 'retry', provider: 'ec2', attempt: 1, method: 'GET', url: 'u', delayMs: 250.4, reason: 'HTTP 503' }, 1))
      .toEqual(['[ec2] ↻ GET u: HTTP 503; retrying in 250 ms']);
  });
});

describe('transfer progress', () => {
  it('counts bytes and draws percentage, throughput and ETA on a terminal', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    let written = '';
    terminal.on('data', (chunk: Buffer) => (written += chunk.toString()));
    let now = 0;
    const progress = createTransferProgress({ stream: terminal, enabled: true, total: 3_000_000, label: '↑ a.bin', now: () => now });
    for await (const chunk of progress.tap(chunks(1_000_000, 2_000_000))) now += chunk.byteLength / 1000;
    progress.stop();
    expect(progress.bytes).toBe(3_000_000);
    expect(written).toContain('↑ a.bin [########################] 100% | 3.00 MB / 3.00 MB | 1.00 MB/s | ETA 0s');
  });

  it('only counts when disabled', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false });
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const progress = createTransferProgress({ stream, enabled: false, label: 'x' });
    for await (const _chunk of progress.tap(chunks(5, 7))) void _chunk;
    progress.stop();
    expect(progress.bytes).toBe(12);
    expect(written).toBe('');
  });
});

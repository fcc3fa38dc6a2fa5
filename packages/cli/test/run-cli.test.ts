import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, runCli, type CliIo } from '../src/index.js';

function memoryIo(): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return { stdout, stderr, stdin: Readable.from([]), env: {}, cwd: process.cwd(), out: () => out, err: () => err };
}

describe('runCli in-process', () => {
  it('runs a command on the given streams and returns the exit code', async () => {
    const io = memoryIo();
    expect(await runCli(['providers', '--json'], io)).toBe(EXIT_CODES.success);
    expect((JSON.parse(io.out()) as { id: string }[]).map((row) => row.id)).toContain('ec2');
    expect(io.err()).toBe('');
  });

  it('returns 2 for a usage error instead of exiting the process', async () => {
    const io = memoryIo();
    expect(await runCli(['storage', 'ls', '--provider', 'nimbus'], io)).toBe(EXIT_CODES.usage);
    expect(io.err()).toContain('unknown storage provider "nimbus"');
    expect(io.out()).toBe('');
  });

  it('returns 130 when the signal aborted the command', async () => {
    const controller = new AbortController();
    controller.abort();
    const io = { ...memoryIo(), signal: controller.signal };
    expect(await runCli(['compute', 'nodes', '--provider', 'ec2', '--endpoint', 'http://127.0.0.1:9', '--set', 'accessKeyId=AKIDEXAMPLE', '--set', 'secretAccessKey=x'], io)).toBe(EXIT_CODES.interrupted);
  });
});

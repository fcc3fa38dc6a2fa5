#!/usr/bin/env node
/**
 * The `multicloud` binary: runs the CLI on the process's streams. Ctrl-C aborts the running request (exit 130);
 * a second Ctrl-C exits at once. A closed stdout (`multicloud … | head`) ends quietly.
 *
 * @packageDocumentation
 */
import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), processIo(controller.signal));

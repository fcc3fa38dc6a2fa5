// @ts-check
/**
 * The supervisor of one local node. The driver spawns it detached (so it leads a new session and process group whose
 * id is its pid), with the node's working directory as cwd, the node's environment, and an IPC channel. Every process
 * of the node is started by it and stays in its group, so signalling the group reaches them all.
 *
 * Messages from the driver (structured-clone IPC):
 * - `{ type: 'run', id, command, stdin? }`: runs `/bin/sh -c command`; answers `{ type: 'result', id, stdout, stderr,
 *   exitStatus, exitSignal }` once the shell exits (background jobs that keep its output open do not hold the answer
 *   back; what they print later is read and dropped, so they never get EPIPE).
 * - `{ type: 'cancel', id }`: sends SIGTERM to that command's shell.
 * - `{ type: 'spawn', id, name, command }`: starts a service, `/bin/sh -c command` with output appended to
 *   `<logDir>/<name>.log`; answers `{ type: 'spawned', id, pid }` (or `{ type: 'error', id, message }`).
 * Answers `{ type: 'ready', pid }` when listening.
 *
 * It shuts the node down — SIGTERM to the group, a grace period, SIGKILL to the group (itself included) — when the
 * driver's process goes away (the IPC channel disconnects: exit, crash or SIGKILL alike), or on SIGTERM, SIGINT or
 * SIGHUP. So no process of the node outlives the program that started it.
 *
 * Before its last breath it records `{ "state": "stopped" }` in the node's `state.json` when that still names it as the
 * running supervisor, so nobody later signals a process group whose id may have been reused.
 *
 * Usage: node local-supervisor.mjs '{"graceMs":3000,"logDir":"/…/logs","statePath":"/…/state.json"}'
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @type {{ graceMs?: number, logDir?: string, statePath?: string }} */
const config = JSON.parse(process.argv[2] ?? '{}');
const graceMs = config.graceMs ?? 3000;
const logDir = config.logDir ?? process.cwd();
const SHELL = '/bin/sh';

/** @type {Map<string, import('node:child_process').ChildProcess>} commands running, by request id */
const commands = new Map();
/** @type {Map<string, import('node:child_process').ChildProcess>} services running, by name */
const services = new Map();
let shuttingDown = false;

/** @param {string} text */
function log(text) {
  process.stdout.write(`${new Date().toISOString()} supervisor ${process.pid}: ${text}\n`);
}

/** @param {unknown} message */
function send(message) {
  try {
    if (process.connected && process.send) process.send(message);
  } catch {
    // The driver is gone; the disconnect handler shuts down.
  }
}

/** @param {import('node:stream').Readable | null} stream @returns {Promise<void>} */
function ended(stream) {
  if (!stream || stream.readableEnded || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
  });
}

/** @param {string} id @param {string} command @param {string | Uint8Array | undefined} stdin */
function run(id, command, stdin) {
  /** @type {Buffer[]} */ const stdout = [];
  /** @type {Buffer[]} */ const stderr = [];
  let collecting = true;
  const child = spawn(SHELL, ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
  commands.set(id, child);
  child.stdout.on('data', (chunk) => collecting && stdout.push(chunk));
  child.stderr.on('data', (chunk) => collecting && stderr.push(chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(stdin === undefined ? undefined : Buffer.from(stdin));
  child.on('error', (error) => {
    commands.delete(id);
    send({ type: 'error', id, message: error.message });
  });
  child.on('exit', (code, signal) => {
    commands.delete(id);
    // Output still in the pipes arrives shortly after the exit; background jobs may keep the pipes open for ever.
    const drained = Promise.all([ended(child.stdout), ended(child.stderr)]);
    void Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 100))]).then(() => {
      collecting = false;
      send({
        type: 'result', id,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitStatus: code,
        ...(signal ? { exitSignal: signal.replace(/^SIG/, '') } : {}),
      });
    });
  });
}

/** @param {string} id @param {string} name @param {string} command */
function startService(id, name, command) {
  const running = services.get(name);
  if (running && running.exitCode === null && running.signalCode === null) {
    send({ type: 'error', id, message: `service ${name} is running already (pid ${running.pid})` });
    return;
  }
  const output = openSync(join(logDir, `${name}.log`), 'a');
  const child = spawn(SHELL, ['-c', command], { stdio: ['ignore', output, output] });
  closeSync(output);
  services.set(name, child);
  child.on('error', (error) => send({ type: 'error', id, message: error.message }));
  child.on('spawn', () => {
    log(`service ${name} started as pid ${child.pid}: ${command}`);
    send({ type: 'spawned', id, pid: child.pid });
  });
  child.on('exit', (code, signal) => log(`service ${name} (pid ${child.pid}) ended: ${signal ?? `status ${code}`}`));
}

/** Live processes of our group other than this one; undefined where /proc cannot tell. @returns {number[] | undefined} */
function otherMembers() {
  let names;
  try {
    names = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const members = [];
  for (const name of names) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === process.pid && fields[0] !== 'Z' && fields[0] !== 'X') members.push(Number(name));
    } catch {
      // Gone while we looked.
    }
  }
  return members;
}

function othersAlive() {
  const members = otherMembers();
  if (members !== undefined) return members.length > 0;
  return [...commands.values(), ...services.values()].some((child) => child.exitCode === null && child.signalCode === null);
}

/** Records that the node stopped, unless the state file names another supervisor or a transition of the driver. */
function recordStopped() {
  if (!config.statePath) return;
  try {
    const current = JSON.parse(readFileSync(config.statePath, 'utf8'));
    if (current?.state !== 'running' || current.pid !== process.pid) return;
    const temporary = `${config.statePath}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify({ state: 'stopped' }, null, 2)}\n`);
    renameSync(temporary, config.statePath);
  } catch {
    // The node's folder is gone (destroyed) or unreadable: nothing to record.
  }
}

/** @param {string} reason */
async function shutdown(reason) {
  if (shuttingDown) return;
  shuttingDown = true;
  log(`shutting down the node (${reason})`);
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    // Nobody else in the group.
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until && othersAlive()) await new Promise((resolve) => setTimeout(resolve, 25));
  recordStopped();
  log('stopped');
  process.kill(-process.pid, 'SIGKILL');
}

process.on('message', (/** @type {any} */ message) => {
  if (shuttingDown || typeof message !== 'object' || message === null) return;
  if (message.type === 'run') run(message.id, message.command, message.stdin);
  else if (message.type === 'spawn') startService(message.id, message.name, message.command);
  else if (message.type === 'cancel') commands.get(message.id)?.kill('SIGTERM');
});
process.on('disconnect', () => void shutdown('the driver process went away'));
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, () => void shutdown(signal));

log(`supervising ${process.cwd()}`);
send({ type: 'ready', pid: process.pid });

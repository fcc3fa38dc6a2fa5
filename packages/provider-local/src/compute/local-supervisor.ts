import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandResult } from '@multicloud/compute';
import { localComputeError } from './local-compute-errors.js';
import { terminateGroupNow } from './local-process-group.js';

/** A running supervisor started by this process: the only way to run commands on a node. */
export interface Supervisor {
  /** Its pid, which is also the node's process group id. */
  readonly pid: number;
  /** Whether it is still running. */
  alive(): boolean;
  /** Settles when it has exited. */
  readonly exited: Promise<void>;
  /** Runs a shell command line in the node's working directory and collects its output. */
  run(command: string, options?: { readonly stdin?: string | Uint8Array | undefined; readonly signal?: AbortSignal | undefined }): Promise<CommandResult>;
  /** Starts a service (output to `<logs>/<name>.log`); resolves with its shell's pid. */
  startService(name: string, command: string): Promise<number>;
}

/** What starting a supervisor needs. */
export interface SupervisorOptions {
  /** The node's folder: the key under which this process keeps the supervisor. */
  readonly nodeDir: string;
  /** Working directory. */
  readonly home: string;
  /** Log folder. */
  readonly logs: string;
  /** The node's `state.json`, where the supervisor records that it stopped. */
  readonly statePath: string;
  /** The node's environment. */
  readonly env: Readonly<Record<string, string>>;
  /** How long the supervisor gives the node's processes between SIGTERM and SIGKILL. */
  readonly graceMs: number;
  /** How long to wait for it to answer. */
  readonly timeoutMs: number;
}

/** Supervisors this process started, by node folder. */
const supervisors = new Map<string, Supervisor>();

/** The supervisor this process runs for the node in `nodeDir`, when it is alive. */
export function ownedSupervisor(nodeDir: string): Supervisor | undefined {
  const supervisor = supervisors.get(nodeDir);
  return supervisor?.alive() ? supervisor : undefined;
}

/** The supervisor script: `supervisor/local-supervisor.mjs` of this package, from `dist/` or `src/compute/`. */
export function supervisorScript(): string {
  const candidates = ['../supervisor/local-supervisor.mjs', '../../supervisor/local-supervisor.mjs'].map((path) => fileURLToPath(new URL(path, import.meta.url)));
  const found = candidates.find((path) => existsSync(path));
  if (found === undefined) throw localComputeError('SupervisorFailed', `the supervisor script is missing (looked for ${candidates.join(', ')}); is the package's "supervisor" folder installed?`);
  return found;
}

let exitHookInstalled = false;
/** On a normal exit, tell every owned node to stop at once (the supervisors also notice the IPC channel closing). */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const supervisor of supervisors.values()) if (supervisor.alive()) terminateGroupNow(supervisor.pid);
  });
}

type Answer = { type: 'result' } & CommandResult | { type: 'spawned'; pid: number } | { type: 'error'; message: string } | { type: 'ready'; pid: number };
interface Pending {
  resolve(answer: Answer): void;
  reject(error: unknown): void;
}

/** Wraps a spawned supervisor: requests by id, the IPC channel referenced only while a request is pending. */
function wrap(child: ChildProcess, pid: number, nodeDir: string): Supervisor {
  const pending = new Map<string, Pending>();
  let nextId = 0;
  const updateRef = (): void => {
    if (pending.size > 0) child.channel?.ref();
    else child.channel?.unref();
  };
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      for (const request of pending.values()) request.reject(localComputeError('NodeNotRunning', 'the node stopped while the request ran'));
      pending.clear();
      if (supervisors.get(nodeDir) === supervisor) supervisors.delete(nodeDir);
      resolve();
    });
  });
  child.on('message', (answer: Answer & { id?: string }) => {
    const request = answer.id === undefined ? undefined : pending.get(answer.id);
    if (request === undefined || answer.id === undefined) return;
    pending.delete(answer.id);
    updateRef();
    request.resolve(answer);
  });
  const request = (message: Record<string, unknown>, signal?: AbortSignal): Promise<Answer> => new Promise<Answer>((resolve, reject) => {
    signal?.throwIfAborted();
    if (!supervisor.alive()) throw localComputeError('NodeNotRunning', 'the node is not running');
    const id = String(++nextId);
    const onAbort = (): void => {
      pending.delete(id);
      updateRef();
      child.send({ type: 'cancel', id }, () => undefined);
      reject(signal?.reason);
    };
    pending.set(id, {
      resolve: (answer) => { signal?.removeEventListener('abort', onAbort); resolve(answer); },
      reject: (error) => { signal?.removeEventListener('abort', onAbort); reject(error); },
    });
    signal?.addEventListener('abort', onAbort, { once: true });
    updateRef();
    child.send({ ...message, id }, (error) => error && pending.get(id)?.reject(error));
  });
  const supervisor: Supervisor = {
    pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    exited,
    async run(command, options = {}) {
      const answer = await request({ type: 'run', command, ...(options.stdin === undefined ? {} : { stdin: options.stdin }) }, options.signal);
      if (answer.type === 'error') throw localComputeError('SupervisorFailed', `could not run the command: ${answer.message}`);
      if (answer.type !== 'result') throw localComputeError('SupervisorFailed', `unexpected answer ${answer.type}`);
      return { stdout: answer.stdout, stderr: answer.stderr, exitStatus: answer.exitStatus, ...(answer.exitSignal ? { exitSignal: answer.exitSignal } : {}) };
    },
    async startService(name, command) {
      const answer = await request({ type: 'spawn', name, command });
      if (answer.type === 'error') throw localComputeError('SupervisorFailed', `could not start service ${name}: ${answer.message}`);
      if (answer.type !== 'spawned') throw localComputeError('SupervisorFailed', `unexpected answer ${answer.type}`);
      return answer.pid;
    },
  };
  return supervisor;
}

/** Waits for the supervisor's `ready`, its death or the timeout. */
function awaitReady(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage).off('exit', onExit).off('error', onError);
    };
    const onMessage = (message: { type?: string; pid?: number }): void => {
      if (message.type !== 'ready' || typeof message.pid !== 'number') return;
      done();
      resolve(message.pid);
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done();
      reject(localComputeError('SupervisorFailed', `the supervisor exited at start (${signal ?? `status ${String(code)}`}); see its log`));
    };
    const onError = (error: Error): void => {
      done();
      reject(localComputeError('SupervisorFailed', `the supervisor could not start: ${error.message}`, error));
    };
    const timer = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(localComputeError('SupervisorFailed', `the supervisor did not answer within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', onMessage).once('exit', onExit).once('error', onError);
  });
}

/**
 * Starts a node's supervisor: `node supervisor/local-supervisor.mjs`, detached (it leads a new process group), in the
 * node's working directory with the node's environment, output appended to `<logs>/supervisor.log`, and an IPC
 * channel that does not keep this process alive while idle. Waits until it says it is ready.
 * @throws ProviderError (`SupervisorFailed`) when it cannot start or does not answer in time
 */
export async function startSupervisor(options: SupervisorOptions): Promise<Supervisor> {
  const script = supervisorScript();
  const log = openSync(join(options.logs, 'supervisor.log'), 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [script, JSON.stringify({ graceMs: options.graceMs, logDir: options.logs, statePath: options.statePath })], {
      cwd: options.home,
      env: options.env,
      detached: true,
      stdio: ['ignore', log, log, 'ipc'],
      serialization: 'advanced',
    });
  } finally {
    closeSync(log);
  }
  installExitHook();
  const pid = await awaitReady(child, options.timeoutMs);
  child.unref();
  child.channel?.unref();
  const supervisor = wrap(child, pid, options.nodeDir);
  supervisors.set(options.nodeDir, supervisor);
  return supervisor;
}

import { request, type ClientRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { requestHeadersForMember, responseHeadersForClient } from './local-lb-headers.js';
import type { LocalMember } from './local-lb-member.js';
import type { MemberPool } from './local-lb-member-pool.js';

/** Methods a member may safely see twice (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** What the HTTP proxy needs from its balancer. */
export interface HttpProxyContext {
  /** The members to choose from, and the counters. */
  readonly pool: MemberPool;
  /** Idle limit towards a member, ms. */
  readonly upstreamTimeoutMs: number;
}

/** Whether the client's request carries a body (RFC 9112 §6.3). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

function ignore(): void {}

function errorCode(error: unknown): string {
  return (error as { code?: unknown }).code === undefined ? 'ERROR' : String((error as { code?: unknown }).code);
}

/**
 * Proxies one client request to a member, streaming both bodies (no buffering: `pipe` keeps backpressure).
 *
 * Retries on another member when the member cannot have acted on the request: the connection failed (the body is
 * only streamed once the connection is up, so it is still unread), or — for idempotent methods without a body — the
 * member dropped the connection before answering. A member that fails mid-response cuts the client's response.
 * No member left: 502 (all failed) or 503 (none attached); a silent member: 504.
 */
export function proxyHttpRequest(context: HttpProxyContext, req: IncomingMessage, res: ServerResponse): void {
  const { pool } = context;
  pool.requests += 1;
  const withBody = hasBody(req);
  const idempotent = IDEMPOTENT.has(req.method ?? '');
  const headers = requestHeadersForMember(req.headers, req.socket.remoteAddress, 'http');
  const tried = new Set<LocalMember>();
  let bodyStarted = false;
  let current: ClientRequest | undefined;
  let clientGone = false;
  // Close handlers below decide what a broken stream means; these keep a stray 'error' from crashing the process.
  req.on('error', ignore);
  res.on('error', ignore);
  res.once('close', () => {
    if (res.writableFinished) return;
    clientGone = true;
    current?.destroy();
  });

  const fail = (status: number, message: string): void => {
    pool.failures += 1;
    if (clientGone) return;
    if (res.headersSent) {
      res.destroy();
      return;
    }
    req.unpipe();
    req.resume();
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
    res.end(`${message}\n`);
  };

  const attempt = (): void => {
    const member = pool.choose(tried);
    if (!member) {
      fail(tried.size > 0 ? 502 : 503, tried.size > 0 ? 'local balancer: every member failed' : 'local balancer: no member attached');
      return;
    }
    if (tried.size > 0) pool.retries += 1;
    tried.add(member);
    member.acquire();
    let released = false;
    const release = (): void => {
      if (!released) {
        released = true;
        member.release();
      }
    };
    let connected = false;
    let responded = false;
    let timedOut = false;
    const upstream = request({
      host: member.ip, port: member.port, method: req.method, path: req.url, headers, agent: member.agent, timeout: context.upstreamTimeoutMs,
    });
    current = upstream;
    const start = (): void => {
      connected = true;
      if (!withBody) {
        upstream.end();
        return;
      }
      bodyStarted = true;
      req.pipe(upstream);
    };
    upstream.once('socket', (socket: Socket) => {
      if (socket.connecting) socket.once('connect', start);
      else start();
    });
    upstream.once('timeout', () => {
      timedOut = true;
      upstream.destroy();
    });
    upstream.once('response', (answer) => {
      responded = true;
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, responseHeadersForClient(answer.headers));
      answer.on('error', ignore);
      answer.pipe(res);
      answer.once('close', () => {
        release();
        if (answer.complete) member.noteProxySuccess();
        if (answer.complete || clientGone) return;
        pool.noteFailure(member);
        fail(502, 'local balancer: member failed mid-response');
      });
    });
    let failed = false;
    upstream.on('error', (error) => {
      if (responded || failed) return; // after a response, its close handler decides
      failed = true;
      release();
      if (clientGone) return;
      pool.noteFailure(member);
      if (timedOut) {
        fail(504, `local balancer: member ${member.id} did not answer in time`);
        return;
      }
      const replayable = connected ? idempotent && !withBody : !bodyStarted;
      if (replayable) {
        attempt();
        return;
      }
      fail(502, `local balancer: member ${member.id} failed (${errorCode(error)})`);
    });
  };
  attempt();
}

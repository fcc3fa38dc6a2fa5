import { ValidationError } from '@multicloud/core';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { proxyHttpRequest, type HttpProxyContext } from './local-lb-http-proxy.js';
import { proxyTcpConnection } from './local-lb-tcp-proxy.js';
import type { LocalLbProtocol } from './local-lb-validation.js';

/** A listening socket of a balancer. */
export interface Listener {
  /** The port it listens on (the one the OS chose when asked for any). */
  readonly port: number;
  /**
   * Stops accepting at once (the port is free when this returns). `force`: also cuts every open connection now;
   * otherwise in-flight requests finish. Resolves once the last connection is gone.
   */
  close(force: boolean): Promise<void>;
}

/** Why a listen failed, as the caller should read it. */
const LISTEN_PROBLEMS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'is already in use; pick another port, or pass exAnyPort: true to let the system choose one',
  EACCES: 'needs privileges this process lacks (ports below 1024 usually do); pick a port from 1024 up, or pass exAnyPort: true',
  EADDRNOTAVAIL: 'cannot be bound: the host address is not on this machine',
};

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const problem = LISTEN_PROBLEMS[error.code ?? ''];
      reject(problem ? new ValidationError('options.port', `${host}:${port} ${problem}`, { cause: error }) : error);
    };
    server.once('error', onError);
    server.listen({ host, port }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Starts listening on `host:port` (`port` 0: any free port) and proxies with `protocol`.
 * @throws ValidationError when the port is taken or needs privileges
 */
export async function startListener(host: string, port: number, protocol: LocalLbProtocol, context: HttpProxyContext): Promise<Listener> {
  const connections = new Set<Socket>();
  const http: HttpServer | undefined = protocol === 'http' ? createHttpServer((req, res) => proxyHttpRequest(context, req, res)) : undefined;
  const server: Server = http ?? createTcpServer((socket) => proxyTcpConnection(context.pool, socket, context.upstreamTimeoutMs));
  server.on('connection', (socket: Socket) => {
    connections.add(socket);
    socket.once('close', () => connections.delete(socket));
  });
  const actualPort = await listen(server, host, port);
  let closed: Promise<void> | undefined;
  return {
    port: actualPort,
    close(force) {
      closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
      if (force) for (const socket of connections) socket.destroy();
      else http?.closeIdleConnections();
      return closed;
    },
  };
}

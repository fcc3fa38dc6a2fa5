import { connect, type Socket } from 'node:net';
import type { LocalMember } from './local-lb-member.js';
import type { MemberPool } from './local-lb-member-pool.js';

function ignore(): void {}

/**
 * Proxies one client connection to a member, byte for byte. The client's bytes wait (paused) until a member accepts
 * the connection, so a refused connection is retried on another member without losing anything. Either side closing
 * closes the other. `upstreamTimeoutMs` of silence in both directions ends the pair.
 */
export function proxyTcpConnection(pool: MemberPool, client: Socket, upstreamTimeoutMs: number): void {
  pool.requests += 1;
  client.pause();
  client.on('error', ignore);
  const tried = new Set<LocalMember>();
  let upstream: Socket | undefined;
  client.once('close', () => upstream?.destroy());

  const attempt = (): void => {
    if (client.destroyed) return;
    const member = pool.choose(tried);
    if (!member) {
      pool.failures += 1;
      client.destroy();
      return;
    }
    if (tried.size > 0) pool.retries += 1;
    tried.add(member);
    member.acquire();
    let connected = false;
    const socket = connect({ host: member.ip, port: member.port });
    upstream = socket;
    socket.setTimeout(upstreamTimeoutMs, () => socket.destroy());
    socket.once('connect', () => {
      connected = true;
      client.pipe(socket);
      socket.pipe(client);
      client.resume();
    });
    socket.on('error', ignore);
    socket.once('close', (hadError) => {
      member.release();
      if (connected) {
        if (hadError) pool.noteFailure(member);
        else member.noteProxySuccess();
        client.destroySoon();
        return;
      }
      pool.noteFailure(member);
      attempt();
    });
  };
  attempt();
}

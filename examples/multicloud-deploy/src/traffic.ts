import { Agent, request } from 'undici';

/** What the balancer answered. */
export interface TrafficReport {
  /** Answers per server name. */
  readonly perServer: Map<string, number>;
  /** Answers that were not `Hello World from <server>` (status or body), with an example. */
  readonly wrong: number;
  readonly example?: string | undefined;
}

const HELLO = /^Hello World from (.+)\n?$/;

/** Sends `count` GETs to `url`, `concurrency` at a time, and tallies who answered. */
export async function sendTraffic(url: string, count: number, concurrency: number, signal: AbortSignal): Promise<TrafficReport> {
  const agent = new Agent({ connections: concurrency });
  const perServer = new Map<string, number>();
  let wrong = 0;
  let example: string | undefined;
  let next = 0;
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next++;
        const response = await request(url, { dispatcher: agent, signal });
        const body = await response.body.text();
        const server = response.statusCode === 200 ? HELLO.exec(body)?.[1] : undefined;
        if (server === undefined) {
          wrong++;
          example ??= `HTTP ${response.statusCode}: ${body.slice(0, 80)}`;
        } else {
          perServer.set(server, (perServer.get(server) ?? 0) + 1);
        }
      }
    }));
  } finally {
    await agent.close();
  }
  return { perServer, wrong, example };
}

/** Polls `url` until it answers `Hello World…`, for at most `timeoutMs`. */
export async function waitForHello(url: string, timeoutMs: number, signal: AbortSignal): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    try {
      const response = await request(url, { signal, headersTimeout: 2000, bodyTimeout: 2000 });
      if (response.statusCode === 200 && HELLO.test(await response.body.text())) return attempts;
      await response.body.dump().catch(() => undefined);
    } catch (error) {
      if (signal.aborted) throw error;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer "Hello World from …" within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

import { request } from 'undici';
import { describe, it } from 'vitest';

/**
 * Live tests against a real OpenStack Swift all-in-one on loopback (`scripts/swift/swift-aio.sh`): one proxy
 * that speaks the Swift API (tempauth, v1.0 auth) and the S3 API (s3api, which verifies SigV4 signatures).
 *
 * `.ci/run` installs and starts it and exports the `MULTICLOUD_SWIFT_*` / `MULTICLOUD_S3_*` variables that
 * `scripts/swift/swift-aio.sh env` prints. Without them, the script's default endpoint is probed.
 */

/** Default proxy port of `scripts/swift/swift-aio.sh` (`SWIFT_AIO_PROXY_PORT` overrides both). */
export const SWIFT_AIO_DEFAULT_PORT = 18080;

/** What to tell a developer whose machine has no Swift running. */
export const SWIFT_NOT_RUNNING = 'Swift not running: run `scripts/swift/swift-aio.sh install && scripts/swift/swift-aio.sh start` '
  + '(install needs root; optionally `eval "$(scripts/swift/swift-aio.sh env)"`)';

/** Swift v1.0 (tempauth) credentials: `GET authUrl` with `X-Auth-User`/`X-Auth-Key` gives `X-Storage-Url` and `X-Auth-Token`. */
export interface LiveSwiftV1Credentials {
  /** e.g. `http://127.0.0.1:18080/auth/v1.0`. */
  readonly authUrl: string;
  /** `<account>:<user>`, e.g. `test:tester`. */
  readonly user: string;
  readonly key: string;
}

/** S3 (s3api) credentials: path-style requests to `endpoint`, signed with SigV4 for `region`, service `s3`. */
export interface LiveS3Credentials {
  /** e.g. `http://127.0.0.1:18080` (no trailing slash; buckets go in the path). */
  readonly endpoint: string;
  /** With tempauth the access key id is the Swift user, `<account>:<user>`. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
}

/** One identity, for both APIs. */
export interface LiveSwiftIdentity {
  readonly swift: LiveSwiftV1Credentials;
  readonly s3: LiveS3Credentials;
}

/** The live Swift all-in-one: the default identity (an `.admin` of account `AUTH_test`) and variants. */
export interface LiveSwift extends LiveSwiftIdentity {
  /** The same users with a wrong key/secret: a v1 auth gives 401, an S3 request 403 `SignatureDoesNotMatch`. */
  readonly wrongSecret: LiveSwiftIdentity;
  /** An `.admin` of another account (`AUTH_test2`), for isolation and ACL tests. */
  readonly otherAccount: LiveSwiftIdentity;
  /** Swift's container/account listing page size (`container_listing_limit`; S3 listings page at 1000). */
  readonly listingLimit: number;
  /** The cluster's `GET /info` capabilities (`swift`, `s3api`, `slo`, `tempurl`, …), when it was probed. */
  readonly capabilities?: Readonly<Record<string, unknown>> | undefined;
  /** `env`: from `MULTICLOUD_*` variables; `default`: the script's default endpoint. */
  readonly source: 'env' | 'default';
}

type Env = Readonly<Record<string, string | undefined>>;

const ENV_NAMES = [
  'MULTICLOUD_SWIFT_AUTH_URL', 'MULTICLOUD_SWIFT_USER', 'MULTICLOUD_SWIFT_KEY', 'MULTICLOUD_S3_ENDPOINT',
  'MULTICLOUD_S3_ACCESS_KEY_ID', 'MULTICLOUD_S3_SECRET_ACCESS_KEY', 'MULTICLOUD_S3_REGION',
] as const;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

function build(env: Env, source: LiveSwift['source']): LiveSwift {
  const port = nonEmpty(env['SWIFT_AIO_PROXY_PORT']) ?? String(SWIFT_AIO_DEFAULT_PORT);
  const origin = `http://127.0.0.1:${port}`;
  const authUrl = nonEmpty(env['MULTICLOUD_SWIFT_AUTH_URL']) ?? `${origin}/auth/v1.0`;
  const endpoint = (nonEmpty(env['MULTICLOUD_S3_ENDPOINT']) ?? new URL(authUrl).origin).replace(/\/+$/, '');
  const region = nonEmpty(env['MULTICLOUD_S3_REGION']) ?? 'us-east-1';
  const identity = (user: string, key: string, accessKeyId: string, secretAccessKey: string): LiveSwiftIdentity => ({
    swift: { authUrl, user, key },
    s3: { endpoint, accessKeyId, secretAccessKey, region },
  });
  const user = nonEmpty(env['MULTICLOUD_SWIFT_USER']) ?? 'test:tester';
  const key = nonEmpty(env['MULTICLOUD_SWIFT_KEY']) ?? 'testing';
  const accessKeyId = nonEmpty(env['MULTICLOUD_S3_ACCESS_KEY_ID']) ?? user;
  const secretAccessKey = nonEmpty(env['MULTICLOUD_S3_SECRET_ACCESS_KEY']) ?? key;
  const user2 = nonEmpty(env['MULTICLOUD_SWIFT_USER2']) ?? 'test2:tester2';
  const key2 = nonEmpty(env['MULTICLOUD_SWIFT_KEY2']) ?? 'testing2';
  const limit = Number(nonEmpty(env['MULTICLOUD_SWIFT_LISTING_LIMIT']) ?? 10_000);
  return {
    ...identity(user, key, accessKeyId, secretAccessKey),
    wrongSecret: identity(user, `${key}-wrong`, accessKeyId, `${secretAccessKey}-wrong`),
    otherAccount: identity(user2, key2, user2, key2),
    listingLimit: Number.isInteger(limit) && limit > 0 ? limit : 10_000,
    source,
  };
}

/**
 * The live Swift named by the `MULTICLOUD_SWIFT_*` / `MULTICLOUD_S3_*` variables (as printed by
 * `scripts/swift/swift-aio.sh env`), without contacting it; `undefined` when none of them is set.
 *
 * @param env - the environment to read; default `process.env`
 */
export function liveSwift(env: Env = process.env): LiveSwift | undefined {
  return ENV_NAMES.some((name) => nonEmpty(env[name]) !== undefined) ? build(env, 'env') : undefined;
}

/** The outcome of {@link probeLiveSwift}: the live Swift, or why there is none. */
export type LiveSwiftProbe = { readonly live: LiveSwift; readonly reason?: undefined } | { readonly live?: undefined; readonly reason: string };

/**
 * Looks for a running Swift: the one named by the environment (see {@link liveSwift}), else the default
 * endpoint of `scripts/swift/swift-aio.sh`, and asks its `GET /info` for the capabilities (1.5 s timeout).
 *
 * @param env - the environment to read; default `process.env`
 */
export async function probeLiveSwift(env: Env = process.env): Promise<LiveSwiftProbe> {
  const live = liveSwift(env) ?? build(env, 'default');
  const info = `${new URL(live.swift.authUrl).origin}/info`;
  try {
    const response = await request(info, { headersTimeout: 1_500, bodyTimeout: 1_500, signal: AbortSignal.timeout(1_500) });
    const text = await response.body.text();
    if (response.statusCode !== 200) return { reason: `GET ${info} answered ${response.statusCode}` };
    const capabilities = JSON.parse(text) as Record<string, unknown>;
    const swift = capabilities['swift'] as { container_listing_limit?: unknown } | undefined;
    if (swift === undefined) return { reason: `GET ${info} is not a Swift /info answer` };
    const limit = typeof swift.container_listing_limit === 'number' ? swift.container_listing_limit : live.listingLimit;
    return { live: { ...live, listingLimit: limit, capabilities } };
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { reason: `GET ${info} failed: ${cause ?? (error as Error).message}` };
  }
}

let probed: Promise<LiveSwiftProbe> | undefined;

/** {@link probeLiveSwift} of `process.env`, once per test file; `undefined` when no Swift answers. */
export async function detectLiveSwift(): Promise<LiveSwift | undefined> {
  probed ??= probeLiveSwift();
  return (await probed).live;
}

let warned = false;

/**
 * A `describe` whose body runs only against a live Swift, and receives it. When none answers:
 * with `CI` set, or with `MULTICLOUD_*` variables naming one, the suite FAILS (one test, with the reason);
 * otherwise its one test is skipped with {@link SWIFT_NOT_RUNNING} (also printed once per test file).
 *
 * @example
 * ```ts
 * describeLive('S3 driver against Swift s3api', (live) => {
 *   it('lists buckets', async () => { … live.s3.endpoint … });
 * });
 * ```
 */
export function describeLive(title: string, fn: (live: LiveSwift) => void | Promise<void>): void {
  describe(title, async () => {
    probed ??= probeLiveSwift();
    const probe = await probed;
    if (probe.live !== undefined) {
      await fn(probe.live);
      return;
    }
    const message = `${SWIFT_NOT_RUNNING}; ${probe.reason}`;
    if (nonEmpty(process.env['CI']) !== undefined || liveSwift() !== undefined) {
      const why = liveSwift() !== undefined ? 'MULTICLOUD_* variables name a live Swift' : 'CI is set';
      it('needs a running Swift', () => {
        throw new Error(`${why}, but ${message}`);
      });
      return;
    }
    if (!warned) {
      warned = true;
      console.warn(`[live-swift] skipped: ${message}`);
    }
    it.skip(`skipped: ${message}`, () => {});
  });
}

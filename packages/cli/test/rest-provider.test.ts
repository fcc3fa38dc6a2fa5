import { libcloudFixtures, startFixtureServer, type FixtureServer } from '@multicloud/fixture-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './support/cli.js';

/** Bluebox's Blocks API answering from Libcloud's `bluebox` fixture files. */
const FILES: Readonly<Record<string, string>> = {
  'GET /api/blocks.json': 'api_blocks_json.json',
  'GET /api/block_products.json': 'api_block_products_json.json',
};
const API_KEY = 'bluebox-api-key-that-must-never-be-printed';

let bluebox: FixtureServer;
beforeAll(async () => {
  bluebox = await startFixtureServer(libcloudFixtures('compute/fixtures/bluebox'), (request) => {
    const file = FILES[`${request.method} ${request.path}`];
    return file === undefined ? undefined : { file };
  });
});
afterAll(() => bluebox.close());

describe('generic flags become provider settings (Bluebox, Libcloud fixture answers)', () => {
  it('passes --set settings and --endpoint, and the provider reads the rest from its variables', async () => {
    const nodes = await runCliJson<{ id: string; name: string; state: string; publicIps: string[] }[]>(
      ['compute', 'nodes', '--provider', 'bluebox', '--endpoint', bluebox.url, '--set', 'customerId=c12345'],
      { env: { BLUEBOX_API_KEY: API_KEY } },
    );
    expect(nodes).toEqual([expect.objectContaining({ id: '99df878c-6e5c-4945-a635-d94da9fd3146', name: 'foo.apitest.blueboxgrid.com', state: 'running', publicIps: ['67.214.214.212'] })]);
    const request = bluebox.requests.at(-1);
    expect(request?.path).toBe('/api/blocks.json');
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from(`c12345:${API_KEY}`).toString('base64')}`);
  });

  it('hides a secret given with --set from the request log and from errors', async () => {
    const result = await runCli(['compute', 'sizes', '--provider', 'bluebox', '--endpoint', bluebox.url, '--set', 'customerId=c12345', '--set', `apiKey=${API_KEY}`, '-vv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^\[bluebox\] → GET .*\/api\/block_products\.json$/m);
    expect(result.stderr).not.toContain(API_KEY);
    expect(result.stderr).not.toContain(Buffer.from(`c12345:${API_KEY}`).toString('base64'));
    const missing = await runCli(['compute', 'nodes', '--provider', 'bluebox', '--endpoint', bluebox.url]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'error: MissingCredentialsError: bluebox: missing credential: set the `customerId` setting or the BLUEBOX_CUSTOMER_ID environment variable\n'
      + 'hint: export BLUEBOX_CUSTOMER_ID=…, or pass --set customerId=… (a variable keeps it out of your shell history and process list)\n',
    );
  });

  it('gives typed values with key:=json and refuses bad JSON without echoing it (exit 2)', async () => {
    const typed = await runCli(['compute', 'nodes', '--provider', 'bluebox', '--endpoint', bluebox.url, '--set', 'customerId=c12345', '--set', 'timeoutMs:=-5'], { env: { BLUEBOX_API_KEY: API_KEY } });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(/^error: timeoutMs: /m);
    const bad = await runCli(['compute', 'nodes', '--provider', 'bluebox', '--set', `apiKey:={${API_KEY}`]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: --set apiKey:= expects a JSON value');
    expect(bad.stderr).not.toContain(API_KEY);
  });
});

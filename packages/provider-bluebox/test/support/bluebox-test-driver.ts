import { fileURLToPath } from 'node:url';
import { useRecordedHttp, type FixtureAnswer, type FixtureRoute, type Overrides, type RecordedHttp } from '@multicloud/fixture-server';
import { createBlueboxCompute, type BlueboxComputeDriver, type BlueboxComputeSettings } from '../../src/index.js';

/** Fake credentials of every Bluebox test. */
export const TEST_CREDENTIALS = { customerId: 'c12345', apiKey: 'not-a-real-api-key' } as const;
/** The Basic header those credentials give. */
export const TEST_AUTHORIZATION = `Basic ${Buffer.from('c12345:not-a-real-api-key').toString('base64')}`;
/** The block of Libcloud's fixtures. */
export const BLOCK_ID = '99df878c-6e5c-4945-a635-d94da9fd3146';
/** A block id the recorded API answers 404 for. */
export const MISSING_BLOCK_ID = '00000000-0000-4000-8000-000000000000';

const WORDS = new Set(['api', 'blocks', 'blocks.json', 'block_products.json', 'block_templates.json', 'reboot.json']);

/** `GET /api/blocks/{id}.json`, `PUT /api/blocks/{id}/reboot.json`: ids (also before `.json`) become `{id}`. */
export function blueboxRouteKey(method: string, path: string): { key: string; id: string | undefined } {
  let id: string | undefined;
  const shape = path.split('/').map((segment) => {
    if (segment === '' || WORDS.has(segment)) return segment;
    id = decodeURIComponent(segment.replace(/\.json$/, ''));
    return segment.endsWith('.json') ? '{id}.json' : '{id}';
  }).join('/');
  return { key: `${method} ${shape}`, id };
}

/** Blocks API answers by route key, from Libcloud's `bluebox` files (derived ones say so). */
function defaults(key: string, id: string | undefined): FixtureAnswer | undefined {
  switch (key) {
    case 'GET /api/blocks.json': return { file: 'api_blocks_json.json' };
    case 'POST /api/blocks.json': return { file: 'api_blocks_json_post.json' };
    case 'GET /api/block_products.json': return { file: 'api_block_products_json.json' };
    case 'GET /api/block_templates.json': return { file: 'api_block_templates_json.json' };
    // Derived: Libcloud has no 404 file; a JSON error body as the API's other answers carry text.
    case 'GET /api/blocks/{id}.json': return id === MISSING_BLOCK_ID
      ? { status: 404, body: '{"error": "Block not found"}', headers: { 'content-type': 'application/json' } }
      : { file: `api_blocks_${BLOCK_ID.replace(/-/g, '_')}_json.json` };
    case 'DELETE /api/blocks/{id}.json': return { file: `api_blocks_${BLOCK_ID.replace(/-/g, '_')}_json_delete.json` };
    case 'PUT /api/blocks/{id}/reboot.json': return { file: `api_blocks_${BLOCK_ID.replace(/-/g, '_')}_reboot_json.json` };
    default: return undefined;
  }
}

/** The Blocks API route: a per-test override for the request's key, else the defaults. */
export function blueboxRoute(overrides: Overrides): FixtureRoute {
  return (request) => {
    const { key, id } = blueboxRouteKey(request.method, request.path);
    const override = overrides[key];
    if (typeof override === 'function') return override(request);
    return override ?? defaults(key, id);
  };
}

/** Recorded HTTP plus a factory for Bluebox drivers wired to it. */
export interface RecordedBluebox extends RecordedHttp {
  /** A driver on the recorded HTTP, without retries. */
  driver(settings?: BlueboxComputeSettings): BlueboxComputeDriver;
}

/** Recorded-HTTP wiring for Bluebox tests, answering from Libcloud's `bluebox` fixtures when recording. */
export function useRecordedBluebox(): RecordedBluebox {
  const http = useRecordedHttp(fileURLToPath(new URL('../recordings/', import.meta.url)), 'compute/fixtures/bluebox', blueboxRoute);
  return { ...http, driver: (settings = {}) => createBlueboxCompute({ ...TEST_CREDENTIALS, retry: false, dispatcher: http.dispatcher(), ...settings }) };
}

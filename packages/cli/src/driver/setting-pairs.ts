import { UsageError } from '../support/usage-error.js';

/** Settings the CLI wires itself; `--set` may not replace them. */
const RESERVED = new Set(['dispatcher', 'logger', 'tls']);
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Parses `--set` pairs into provider settings: `key=value` gives a string, `key:=json` a typed value
 * (`retry:=false`, `pollIntervalMs:=500`, `exTags:={"team":"web"}`). Errors name the key, never the value.
 */
export function parseSettingPairs(pairs: readonly string[]): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const pair of pairs) {
    const match = /^([^=:]*)(:?=)([\s\S]*)$/.exec(pair);
    const key = match?.[1] ?? '';
    if (!match || !KEY.test(key)) {
      throw new UsageError(`--set expects key=value or key:=json, with a setting name such as region or apiVersion (got "${key || pair.split('=')[0] || ''}")`);
    }
    if (RESERVED.has(key)) throw new UsageError(`--set ${key}: this setting cannot be given on the command line`);
    const raw = match[3] ?? '';
    if (match[2] === '=') {
      settings[key] = raw;
      continue;
    }
    try {
      settings[key] = JSON.parse(raw);
    } catch {
      throw new UsageError(`--set ${key}:= expects a JSON value (true, 42, "text", {...})`);
    }
  }
  return settings;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo's `packages/` folder. */
export const PACKAGES = fileURLToPath(new URL('../../../', import.meta.url));

/** Every committed recording (`packages/<pkg>/test/recordings/**\/*.har`), as paths relative to `packages/`. */
export function recordingFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.har')) found.push(relative(PACKAGES, path));
    }
  };
  for (const name of readdirSync(PACKAGES)) {
    const recordings = join(PACKAGES, name, 'test', 'recordings');
    try {
      if (statSync(recordings).isDirectory()) walk(recordings);
    } catch {
      // a package without recordings
    }
  }
  return found.sort();
}

/** Files of a folder tree with one of the given extensions. */
function sourceFiles(folder: string, extensions: readonly string[]): string[] {
  const found: string[] = [];
  try {
    for (const entry of readdirSync(folder)) {
      if (entry === 'node_modules' || entry === 'recordings') continue;
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) found.push(...sourceFiles(path, extensions));
      else if (extensions.some((extension) => entry.endsWith(extension))) found.push(path);
    }
  } catch {
    // no such folder
  }
  return found;
}

/**
 * The credentials the provider tests use: string literals given to credential settings in every package's
 * `test/` folder (`apiKey: '…'`, `password: '…'`, `secretAccessKey: '…'`, `sharedSecret`, `sessionToken`,
 * `tempUrlKey`, `adminPass`). Values under 8 characters (`testing`, `secret`) are left to the structural checks:
 * as plain words they would also match ordinary text.
 */
export function testCredentials(): string[] {
  const literal = /\b\w*(?:apiKey|ApiKey|password|Password|secretAccessKey|sharedSecret|sessionToken|tempUrlKey|adminPass|passphrase)\s*:\s*'([^'\\]{8,})'/g;
  const values = new Set<string>();
  for (const name of readdirSync(PACKAGES)) {
    if (name === 'reliability') continue;
    for (const file of sourceFiles(join(PACKAGES, name, 'test'), ['.ts'])) {
      for (const match of readFileSync(file, 'utf8').matchAll(literal)) if (match[1] !== '[REDACTED]') values.add(match[1] as string);
    }
  }
  return [...values].sort();
}

/** HTTP Basic credentials the provider tests send (user:password pairs of their test drivers), base64-encoded. */
export const TEST_BASIC_CREDENTIALS: readonly string[] = [
  ['tester@example.com', 'not-a-real-password'],
  ['c12345', 'not-a-real-api-key'],
].map(([user, password]) => Buffer.from(`${user}:${password}`).toString('base64'));

/** One thing in a recording that should have been scrubbed. */
export interface Finding {
  /** The recording, relative to `packages/`. */
  readonly file: string;
  /** Which entry and which part of it. */
  readonly where: string;
  /** The start of the offending value. */
  readonly excerpt: string;
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|x-auth-key|x-storage-token|x-subject-token|x-amz-security-token|x-account-meta-temp-url-key(-2)?|x-container-meta-temp-url-key(-2)?)$/i;
const SECRET_QUERY = /^(x-amz-signature|x-amz-credential|x-amz-security-token|signature|sig|temp_url_sig|api_key|apikey|awsaccesskeyid|password|token|access_token)$/i;
/** Secret-named fields in JSON/XML/text bodies, with whatever value follows. */
const SECRET_FIELDS: readonly RegExp[] = [
  /"(adminPass|admin_pass|password|passwd|vnc_password|vncPassword|rootPassword|root_password|private_key|privateKey|apiKey|api_key|secret|sharedSecret|keyMaterial)"\s*:\s*"([^"]*)"/g,
  /<(password|keyMaterial|adminPass|SecretAccessKey|SessionToken)>([^<]*)</g,
  /(?:^|\n)(vnc:password|password|vnc_password|rootPassword)[ \t]+([^\r\n]*)/g,
];
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
const SCRUBBED = /^(\[REDACTED\]|)$/;

interface HarEntry {
  request: { url: string; headers: { name: string; value: string }[]; queryString?: { name: string; value: string }[]; postData?: { text?: string } };
  response: { headers: { name: string; value: string }[]; content?: { text?: string } };
}

/** Unescapes a body the way it sits in the HAR's JSON (the scan runs on the decoded text). */
function bodies(entry: HarEntry): [string, string][] {
  return [['request body', entry.request.postData?.text ?? ''], ['response body', entry.response.content?.text ?? '']];
}

/** Checks one recording: secret headers, query parameters and body fields scrubbed, no private key anywhere. */
export function scanRecording(file: string): Finding[] {
  const findings: Finding[] = [];
  const text = readFileSync(join(PACKAGES, file), 'utf8');
  const entries = (JSON.parse(text) as { log: { entries: HarEntry[] } }).log.entries;
  for (const [index, entry] of entries.entries()) {
    const at = (where: string) => `entry ${index}, ${where}`;
    for (const [side, headers] of [['request', entry.request.headers], ['response', entry.response.headers]] as const) {
      for (const header of headers) {
        if (SECRET_HEADERS.test(header.name) && !SCRUBBED.test(header.value)) findings.push({ file, where: at(`${side} header ${header.name}`), excerpt: header.value.slice(0, 40) });
      }
    }
    for (const parameter of entry.request.queryString ?? []) {
      if (SECRET_QUERY.test(parameter.name) && !SCRUBBED.test(parameter.value)) findings.push({ file, where: at(`query ${parameter.name}`), excerpt: parameter.value.slice(0, 40) });
    }
    for (const [where, body] of bodies(entry)) {
      for (const pattern of SECRET_FIELDS) {
        for (const match of body.matchAll(pattern)) {
          if (!SCRUBBED.test((match[2] ?? '').trim())) findings.push({ file, where: at(`${where} field ${match[1]}`), excerpt: match[0].slice(0, 60) });
        }
      }
      if (PRIVATE_KEY.test(body)) findings.push({ file, where: at(`${where} private key`), excerpt: body.match(PRIVATE_KEY)?.[0] ?? '' });
    }
  }
  return findings;
}

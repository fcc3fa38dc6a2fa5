import type { HttpRequest } from '../../../http/http-request.js';

/**
 * Test-only: turns a raw HTTP/1.1 request from the AWS SigV4 test suite (`.req`, `.sreq`) into an
 * {@link HttpRequest} on `https://<Host>`. The request-line target is taken verbatim (it may hold spaces, `..`
 * and UTF-8), folded header lines and repeated headers are joined with `,` in order of appearance (what the
 * suite's `.creq` files expect), each value trimmed, and whatever follows the first blank line is the body.
 *
 * @param text - The file content, LF or CRLF line endings.
 * @returns The request; `body` only when there is one.
 */
export function parseRawRequest(text: string): HttpRequest {
  const blankLine = /\r?\n\r?\n/.exec(text);
  const head = blankLine === null ? text : text.slice(0, blankLine.index);
  const body = blankLine === null ? '' : text.slice(blankLine.index + blankLine[0].length);
  const [requestLine = '', ...headerLines] = head.split(/\r?\n/);

  // The target sits between the first and the last space: `GET /example space/ HTTP/1.1`.
  const firstSpace = requestLine.indexOf(' ');
  const lastSpace = requestLine.lastIndexOf(' ');
  if (firstSpace === -1 || lastSpace <= firstSpace) throw new Error(`not a request line: ${requestLine}`);
  const method = requestLine.slice(0, firstSpace);
  const target = requestLine.slice(firstSpace + 1, lastSpace);

  const headers = new Map<string, { name: string; values: string[] }>();
  let current: string[] | undefined;
  for (const line of headerLines) {
    if (/^[ \t]/.test(line)) {
      if (current === undefined) throw new Error(`continuation line before any header: ${line}`);
      current.push(line.trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: ${line}`);
    const name = line.slice(0, colon);
    const entry = headers.get(name.toLowerCase()) ?? { name, values: [] };
    headers.set(name.toLowerCase(), entry);
    current = entry.values;
    current.push(line.slice(colon + 1).trim());
  }

  const host = headers.get('host')?.values.join(',');
  if (host === undefined) throw new Error('the request has no Host header');
  return {
    method,
    url: `https://${host}${target}`,
    headers: Object.fromEntries([...headers.values()].map(({ name, values }) => [name, values.join(',')])),
    ...(body === '' ? {} : { body }),
  };
}

import { XMLParser } from 'fast-xml-parser';
import { MalformedResponseError } from '../errors/errors.js';

/** How to read one XML response. */
export interface XmlParseOptions {
  /** Provider id, for errors. */
  readonly provider: string;
  /**
   * Element paths that are always arrays, dot-separated from the root, e.g.
   * `DescribeInstancesResponse.reservationSet.item`. Everything else is an object or a string, so a list with one
   * entry and a list with many look the same to the caller.
   */
  readonly arrayPaths?: readonly string[] | undefined;
  /** The root element the response must have; anything else (an HTML error page, say) is malformed. */
  readonly root?: string | undefined;
  /** HTTP status, for errors. */
  readonly status?: number | undefined;
}

/**
 * The signature of an XML reader. `parseXml` is the default; a driver may be given a faster one for its hot
 * responses, as long as it returns the same shape.
 */
export type XmlReader = (text: string, options: XmlParseOptions) => Record<string, unknown>;

const parsers = new Map<string, XMLParser>();

function parserFor(arrayPaths: readonly string[]): XMLParser {
  const key = arrayPaths.join('\n');
  let parser = parsers.get(key);
  if (!parser) {
    const arrays = new Set(arrayPaths);
    parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@_',
      // Values stay strings: ids like "0123" and versions like "1.10" must not turn into numbers.
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      removeNSPrefix: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      processEntities: true,
      // Numeric character references (&#13; in an S3 key, &#xe9;) come only with this switch in fast-xml-parser; it
      // also decodes HTML's named entities, which well-formed XML cannot contain. &amp; is decoded last: no double decoding.
      htmlEntities: true,
      isArray: (_name, jpath) => arrays.has(String(jpath)),
    });
    // Drivers use a handful of path sets; cap the cache anyway so a misuse cannot grow it without bound.
    if (parsers.size > 64) parsers.clear();
    parsers.set(key, parser);
  }
  return parser;
}

/**
 * Parses an XML response body. Values are strings; elements listed in `arrayPaths` are always arrays.
 *
 * @example
 * ```ts
 * const doc = parseXml(body, { provider: 'ec2', root: 'DescribeRegionsResponse', arrayPaths: ['DescribeRegionsResponse.regionInfo.item'] });
 * ```
 * @throws MalformedResponseError (with a truncated copy of the body) for broken XML or an unexpected root
 */
export const parseXml: XmlReader = (text, options) => {
  const fail = (reason: string, cause?: unknown) =>
    new MalformedResponseError({ provider: options.provider, status: options.status, body: text, reason, cause });
  if (text.trim() === '') throw fail('empty body where XML was expected');
  let document: unknown;
  try {
    document = parserFor(options.arrayPaths ?? []).parse(text);
  } catch (error) {
    throw fail(`invalid XML: ${(error as Error).message}`, error);
  }
  if (typeof document !== 'object' || document === null || Object.keys(document).length === 0) throw fail('no XML element found');
  if (options.root !== undefined && !(options.root in document)) {
    throw fail(`expected root element <${options.root}>, got <${Object.keys(document)[0]}>`);
  }
  return document as Record<string, unknown>;
};

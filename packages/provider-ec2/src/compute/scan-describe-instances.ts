import { INSTANCES_RESPONSE, type Plan, type PlanEntry } from './describe-instances-plan.js';
import { GIVE_UP, decodeXmlText, giveUp } from './xml-entities.js';

const NONE: readonly PlanEntry[] = [];

const LT = 60, GT = 62, SLASH = 47, BANG = 33, QUESTION = 63, COLON = 58, QUOTE = 34, APOSTROPHE = 39;

/** A parsed element as `parseXml` shapes it: text for an element without child elements, else a record. */
type Value = string | Record<string, unknown>;

/**
 * One pass over the body with `indexOf('<')`, a recursive descent along {@link INSTANCES_RESPONSE}. It mirrors
 * fast-xml-parser's shape (no child elements → trimmed, decoded text; repeated names → arrays; CDATA appended
 * raw, comments dropped), checks that every closing tag matches its opening tag, and gives up on what EC2 never
 * sends and we would rather not interpret: attributes below the root, DOCTYPE, processing instructions, unknown
 * entities.
 */
class Scanner {
  /** Read position. */
  private p = 0;
  /** The last tag name read by {@link readName}: its end, and the start of its local part (after any prefix). */
  private localStart = 0;
  private nameEnd = 0;
  /** Whether the last opening tag read was `<name/>`. */
  private selfClosing = false;

  constructor(private readonly s: string) {}

  document(root: string): Record<string, unknown> {
    const s = this.s;
    this.misc();
    if (s.startsWith('<?xml', this.p)) this.p = this.after('?>', this.p + 5);
    this.misc();
    if (s.charCodeAt(this.p) !== LT) giveUp();
    const start = this.p + 1;
    this.readName(start);
    if (this.nameEnd - this.localStart !== root.length || !s.startsWith(root, this.localStart)) giveUp();
    const end = this.nameEnd;
    this.p = end;
    this.rootAttributes();
    const value = this.selfClosing ? '' : this.content(INSTANCES_RESPONSE, start, end);
    this.misc();
    if (this.p !== s.length) giveUp();
    return { [root]: value };
  }

  /** Skips whitespace and comments outside the root element. */
  private misc(): void {
    const s = this.s;
    for (;;) {
      while (this.p < s.length && s.charCodeAt(this.p) <= 32) this.p++;
      if (!s.startsWith('<!--', this.p)) return;
      this.p = this.after('-->', this.p + 4);
    }
  }

  /** The root's attributes (`xmlns`) are ignored, as `parseXml` drops or sets them aside; values are quoted. */
  private rootAttributes(): void {
    const s = this.s;
    let c = s.charCodeAt(this.p);
    while (c !== GT && c !== SLASH) {
      if (c === QUOTE || c === APOSTROPHE) this.p = s.indexOf(c === QUOTE ? '"' : "'", this.p + 1);
      if (this.p < 0 || ++this.p >= s.length) giveUp();
      c = s.charCodeAt(this.p);
    }
    this.selfClosing = c === SLASH;
    if (this.selfClosing && s.charCodeAt(++this.p) !== GT) giveUp();
    this.p++;
  }

  /** Position just after the next `token` from `from`; gives up when it is missing (truncated body). */
  private after(token: string, from: number): number {
    const at = this.s.indexOf(token, from);
    if (at < 0) giveUp();
    return at + token.length;
  }

  /**
   * Reads a tag name from `from` up to whitespace, `/` or `>` (returned): sets `nameEnd`, and `localStart` past a
   * namespace prefix (`ec2:instanceId` is `instanceId`, as `parseXml` reads it with `removeNSPrefix`). A char loop
   * rather than a regular expression: names are short and this runs for every element of the body.
   */
  private readName(from: number): number {
    const s = this.s;
    const end = s.length;
    let k = from;
    let c = 0;
    this.localStart = from;
    for (; k < end; k++) {
      c = s.charCodeAt(k);
      if (c === GT || c === SLASH || c <= 32) break;
      if (c === COLON) {
        if (this.localStart !== from) giveUp(); // `a:b:c`: not a name we know how parseXml would read
        this.localStart = k + 1;
      }
    }
    if (k === from || k >= end || this.localStart === k) giveUp();
    this.nameEnd = k;
    return c;
  }

  /** Reads an opening tag at `lt` (a `<` followed by a name): sets the name and `selfClosing`, moves past `>`. */
  private openTag(lt: number): void {
    const s = this.s;
    const end = s.length;
    let c = this.readName(lt + 1);
    let k = this.nameEnd;
    while (c <= 32 && ++k < end) c = s.charCodeAt(k);
    if (c === SLASH) c = s.charCodeAt(++k) === GT ? -1 : 0;
    if (c !== GT && c !== -1) giveUp(); // an attribute: `parseXml` would make the element an object
    this.selfClosing = c === -1;
    this.p = k + 1;
  }

  /** Checks the closing tag at `lt` against the whole name (prefix included) of its opening tag; moves past it. */
  private closeTag(lt: number, nameStart: number, nameEnd: number): void {
    const s = this.s;
    let k = lt + 2;
    for (let n = nameStart; n < nameEnd; n++, k++) if (s.charCodeAt(k) !== s.charCodeAt(n)) giveUp();
    let c = s.charCodeAt(k);
    while (c <= 32) c = s.charCodeAt(++k);
    if (c !== GT) giveUp(); // `</item2>`, `</item`, or a truncated body (NaN)
    this.p = k + 1;
  }

  /** At `<!`: skips a comment and returns undefined, or returns a CDATA section's text; gives up on DOCTYPE. */
  private markup(lt: number): string | undefined {
    if (this.s.startsWith('<!--', lt)) {
      this.p = this.after('-->', lt + 4);
      return undefined;
    }
    if (!this.s.startsWith('<![CDATA[', lt)) giveUp();
    this.p = this.after(']]>', lt + 9);
    return lines(this.s.slice(lt + 9, this.p - 3));
  }

  /**
   * Reads an element's content up to its closing tag. Text only matters for a leaf plan without child
   * elements; fast-xml-parser trims and decodes each run of text between CDATA sections (comments do not split
   * a run) and appends CDATA verbatim, so we do the same.
   */
  private content(what: Plan, nameStart: number, nameEnd: number): Value {
    const s = this.s;
    const keepText = what.byLength.length === 0;
    let record: Record<string, unknown> | undefined;
    let run = '';
    let runStart = this.p;
    let text = '';
    for (;;) {
      const lt = s.indexOf('<', this.p);
      if (lt < 0) giveUp();
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        this.closeTag(lt, nameStart, nameEnd);
        if (record) return record;
        return keepText ? text + textOf(run + s.slice(runStart, lt)) : '';
      }
      if (c === BANG) {
        const cdata = this.markup(lt);
        if (keepText && !record) {
          run += s.slice(runStart, lt);
          if (cdata !== undefined) {
            text += textOf(run) + cdata;
            run = '';
          }
        }
        runStart = this.p;
        continue;
      }
      if (c === QUESTION) giveUp();
      this.openTag(lt);
      record ??= {};
      const childStart = lt + 1;
      const childEnd = this.nameEnd;
      const local = this.localStart;
      let name = '';
      let child: Plan | undefined;
      for (const entry of what.byLength[childEnd - local] ?? NONE) {
        if (s.startsWith(entry[0], local)) {
          name = entry[0];
          child = entry[1];
        }
      }
      if (child === undefined) {
        if (!this.selfClosing) this.skip(childStart, childEnd);
        continue;
      }
      const value = this.selfClosing ? '' : this.content(child, childStart, childEnd);
      const previous = record[name];
      if (previous === undefined) record[name] = value;
      else if (Array.isArray(previous)) previous.push(value);
      else record[name] = [previous, value];
    }
  }

  /** Skips an element we do not need (its opening tag read), still checking that its tags pair up. */
  private skip(nameStart: number, nameEnd: number): void {
    const s = this.s;
    for (;;) {
      const lt = s.indexOf('<', this.p);
      if (lt < 0) giveUp();
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) return this.closeTag(lt, nameStart, nameEnd);
      if (c === BANG) {
        this.markup(lt);
      } else if (c === QUESTION) {
        giveUp();
      } else {
        this.openTag(lt);
        if (!this.selfClosing) this.skip(lt + 1, this.nameEnd);
      }
    }
  }
}

/** XML end-of-line handling (CR LF and lone CR read as LF), which fast-xml-parser applies to the whole body. */
const lines = (raw: string): string => (raw.indexOf('\r') < 0 ? raw : raw.replace(/\r\n?/g, '\n'));

/** A run of text as fast-xml-parser stores it: trimmed, then entities decoded. */
function textOf(run: string): string {
  const trimmed = lines(run).trim();
  return trimmed === '' ? '' : detach(decodeXmlText(trimmed));
}

/**
 * A copy of `text` that does not point into the body. V8 represents a slice of 13+ characters as a view on its
 * parent, so a node holding `instanceId` would keep the whole multi-megabyte body alive; flattening a
 * concatenation copies the characters.
 */
const detach = (text: string): string => (text.length < 13 ? text : (` ${text}`).slice(1));

/**
 * Reads a `DescribeInstances` (or `RunInstances`) answer keeping only what the node conversion needs, in the
 * shape `parseXml` gives those paths: `{ [root]: { reservationSet: { item: [...] }, nextToken } }`.
 * Returns undefined, never a guess, when the body is not plain EC2 XML (truncated, another root, attributes,
 * DOCTYPE, unknown entities…): the caller then uses `parseXml`, which also reports errors.
 *
 * @param text - the response body
 * @param root - the expected root element, e.g. `DescribeInstancesResponse`
 */
export function scanInstancesResponse(text: string, root: string): Record<string, unknown> | undefined {
  try {
    return new Scanner(text).document(root);
  } catch (error) {
    // GIVE_UP is the expected way out; anything else (a stack overflow on absurd nesting) also means "not for us".
    if (error === GIVE_UP || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Thrown (never escapes the scanner) when the fast path meets something it will not interpret itself. */
export const GIVE_UP: unique symbol = Symbol('give up: use the full XML parser');

/** Gives up on the fast path; the caller falls back to `parseXml`. */
export function giveUp(): never {
  throw GIVE_UP;
}

/**
 * A character reference's code point, if it is a legal XML 1.0 character. NUL, surrogates and the C0 controls
 * other than tab/LF/CR are not well-formed; we leave those to the full parser rather than guess.
 */
function codePoint(text: string, from: number, to: number): number {
  const hex = text.charCodeAt(from) === 120; // 'x' (XML allows only the lower-case form)
  const start = hex ? from + 1 : from;
  if (to <= start || to - start > 8) giveUp();
  let value = 0;
  for (let index = start; index < to; index++) {
    const c = text.charCodeAt(index);
    const digit = c >= 48 && c <= 57 ? c - 48 : hex && c >= 97 && c <= 102 ? c - 87 : hex && c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) giveUp();
    value = value * (hex ? 16 : 10) + digit;
  }
  const legal = value === 9 || value === 10 || value === 13 || (value >= 0x20 && value <= 0xd7ff) || (value >= 0xe000 && value <= 0xfffd) || (value >= 0x10000 && value <= 0x10ffff);
  if (!legal) giveUp();
  return value;
}

/** The replacement text of the reference between `&` (exclusive, at `from`) and `;` (at `to`). */
function reference(text: string, from: number, to: number): string {
  switch (text.slice(from, to)) {
    case 'amp': return '&';
    case 'lt': return '<';
    case 'gt': return '>';
    case 'quot': return '"';
    case 'apos': return "'";
  }
  // Anything but the five predefined entities or a character reference (a DOCTYPE entity, an HTML name, a stray
  // `&`) is not what EC2 sends; the full parser decides what it means.
  if (text.charCodeAt(from) !== 35) giveUp(); // '#'
  return String.fromCodePoint(codePoint(text, from + 1, to));
}

/**
 * Decodes the predefined entities (`&amp; &lt; &gt; &quot; &apos;`) and character references (`&#NN; &#xHH;`)
 * of a text, in one pass: `&amp;lt;` is `&lt;`, not `<`. Gives up on anything else.
 */
export function decodeXmlText(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) giveUp();
    out += text.slice(last, amp) + reference(text, amp + 1, semi);
    last = semi + 1;
    amp = text.indexOf('&', last);
  }
  return out + text.slice(last);
}

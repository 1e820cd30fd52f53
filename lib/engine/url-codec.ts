/**
 * URL_ENCODE, URL_ENCODE_COMPONENT and URL_DECODE as Elasticsearch computes them
 * (docs/esql-semantics.md §8.4). Encoding keeps the RFC 3986 unreserved characters (ASCII
 * alphanumerics and `.-_~`) and percent-encodes every other UTF-8 byte in upper-case hex; a space
 * is `+` for URL_ENCODE and `%20` for the component form. Decoding is java.net.URLDecoder's with
 * UTF-8, whose refusals become null plus the decoder's message.
 */
import 'server-only';

const HEX = '0123456789ABCDEF';
const UNRESERVED = /[A-Za-z0-9._~-]/;

export function urlEncode(text: string, plusForSpace: boolean): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (plusForSpace && byte === 0x20) out += '+';
    else if (byte < 0x80 && UNRESERVED.test(ch)) out += ch;
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

export type UrlDecoded = { ok: true; text: string } | { ok: false; message: string };

const ILLEGAL_HEX = 'URLDecoder: Illegal hex characters in escape (%) pattern - ';

/**
 * Character.digit(c, 16) for one UTF-16 unit: ASCII and full-width Latin letters, and any Unicode
 * decimal digit (its value is its distance from the zero of its run of ten), as Java reads them.
 */
function hexDigit(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66 && code < 0x80) return lower - 0x61 + 10;
  if ((code >= 0xff21 && code <= 0xff26) || (code >= 0xff41 && code <= 0xff46)) return (code & 0x1f) - 1 + 10;
  if (!/\p{Nd}/u.test(c)) return -1;
  let zero = code;
  while (zero > 0 && /\p{Nd}/u.test(String.fromCharCode(zero - 1))) zero--;
  return (code - zero) % 10;
}

/** Integer.parseInt(s, 16) over two characters: a sign may stand first, as Java allows. */
function parseHexPair(pair: string): { ok: true; value: number } | { ok: false; message: string } {
  const fail = (at: number) => ({ ok: false as const, message: `${ILLEGAL_HEX}Error at index ${at} in: "${pair}"` });
  let i = 0;
  let negative = false;
  if (pair[0] < '0') {
    if (pair[0] === '-') negative = true;
    else if (pair[0] !== '+') return fail(0);
    i = 1;
  }
  let value = 0;
  for (; i < pair.length; i++) {
    const digit = hexDigit(pair[i]);
    if (digit < 0) return fail(i);
    value = value * 16 + digit;
  }
  return { ok: true, value: negative ? -value : value };
}

export function urlDecode(text: string): UrlDecoded {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c !== '%') {
      out += c;
      i++;
    } else {
      const bytes: number[] = [];
      while (i + 2 < text.length && text[i] === '%') {
        const parsed = parseHexPair(text.slice(i + 1, i + 3));
        if (!parsed.ok) return parsed;
        if (parsed.value < 0) return { ok: false, message: `${ILLEGAL_HEX}negative value` };
        bytes.push(parsed.value);
        i += 3;
      }
      if (i < text.length && text[i] === '%') return { ok: false, message: 'URLDecoder: Incomplete trailing escape (%) pattern' };
      // Malformed UTF-8 becomes U+FFFD, as new String(bytes, UTF_8) does.
      out += Buffer.from(bytes).toString('utf8');
    }
  }
  return { ok: true, text: out };
}

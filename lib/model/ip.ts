/**
 * IP text ↔ the store's physical form: 32 lower-case hex digits of the 16-byte address (IPv4 as
 * IPv4-mapped `::ffff:a.b.c.d`), so that string order is Elasticsearch's byte order. Parsing follows
 * Elasticsearch's InetAddresses (a Guava fork): IPv4 octets with leading zeros are rejected (ES|QL
 * `TO_IP`'s default `leading_zeros: reject`), zone ids are rejected. Pure: no Node APIs.
 */

const V4_MAPPED_PREFIX = '00000000000000000000ffff';

function parseV4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return undefined;
    // Guava/Elasticsearch refuse leading zeros: octal or decimal would be a guess.
    if (p.length > 1 && p[0] === '0') return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseHextets(s: string): number[] | undefined {
  if (s === '') return [];
  const out: number[] = [];
  for (const g of s.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  return out;
}

function parseV6Bytes(text: string): number[] | undefined {
  if (text.includes('%')) return undefined;
  let head = text;
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseV4Bytes(last);
    if (!v4) return undefined;
    tail = v4;
    head = text.slice(0, lastColon + 1);
    // `::1.2.3.4` keeps its `::`; `a:b:…:1.2.3.4` drops the separating colon
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const groupsWanted = tail.length ? 6 : 8;
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = parseHextets(halves[0]);
  const right = halves.length === 2 ? parseHextets(halves[1]) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const missing = groupsWanted - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  } else {
    groups = left;
  }
  if (groups.length !== groupsWanted) return undefined;
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  return bytes.concat(tail);
}

function toHex(bytes: number[]): string {
  let s = '';
  for (const b of bytes) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}

/** 32 lower-case hex digits of the 16-byte form, or undefined if `text` is not an IP string literal. */
export function parseIp(text: string): string | undefined {
  if (text.includes(':')) {
    const b = parseV6Bytes(text);
    return b ? toHex(b) : undefined;
  }
  const v4 = parseV4Bytes(text);
  return v4 ? V4_MAPPED_PREFIX + toHex(v4) : undefined;
}

/** Elasticsearch's message for an unparsable IP (mapper and TO_IP). */
export function notAnIpMessage(text: string): string {
  return `'${text}' is not an IP string literal.`;
}

export function isIpv4Mapped(hex: string): boolean {
  return hex.startsWith(V4_MAPPED_PREFIX);
}

/** Text of a 16-byte hex IP: IPv4(-mapped) dotted, IPv6 as Java's InetAddresses.toAddrString (RFC 5952). */
export function formatIp(hex: string): string {
  if (isIpv4Mapped(hex)) {
    const o: number[] = [];
    for (let i = 24; i < 32; i += 2) o.push(parseInt(hex.slice(i, i + 2), 16));
    return o.join('.');
  }
  const groups: number[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(parseInt(hex.slice(i, i + 4), 16));
  // longest run of ≥2 zero groups, the first one on ties
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hexGroups = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hexGroups.join(':');
  const left = hexGroups.slice(0, bestStart).join(':');
  const right = hexGroups.slice(bestStart + bestLen).join(':');
  return `${left}::${right}`;
}

export type CidrRange = { lo: string; hi: string };

/**
 * A CIDR block (or a single address without `/`) → the inclusive hex range it covers. IPv4 blocks
 * cover the IPv4-mapped range. Error texts are Elasticsearch's (InetAddresses.parseCidr).
 */
export function parseCidr(text: string): CidrRange | { error: string } {
  if (!text.includes('/')) {
    const ip = parseIp(text);
    return ip ? { lo: ip, hi: ip } : { error: notAnIpMessage(text) };
  }
  const fields = text.split('/');
  if (fields.length !== 2) return { error: `Expected [ip/prefix] but was [${text}]` };
  const [addressText, prefixText] = fields;
  const ip = parseIp(addressText);
  if (!ip) return { error: notAnIpMessage(addressText) };
  const isV4 = isIpv4Mapped(ip);
  if (isV4 && addressText.includes(':')) {
    return {
      error:
        `CIDR notation is not allowed with IPv6-mapped IPv4 address [${addressText} as it introduces ambiguity ` +
        'as to whether the prefix length should be interpreted as a v4 prefix length or a v6 prefix length',
    };
  }
  if (!/^[+-]?[0-9]+$/.test(prefixText)) return { error: `For input string: "${prefixText}"` };
  const prefix = Number(prefixText);
  const width = isV4 ? 32 : 128;
  if (prefix < 0 || prefix > width) {
    return {
      error: `Illegal prefix length [${prefix}] in [${text}]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges`,
    };
  }
  const fixedBits = (isV4 ? 96 : 0) + prefix;
  return { lo: maskHex(ip, fixedBits, false), hi: maskHex(ip, fixedBits, true) };
}

/** Keeps the first `bits` bits of a 128-bit hex value and sets the rest to 0 (lo) or 1 (hi). */
function maskHex(hex: string, bits: number, fill: boolean): string {
  let out = '';
  for (let nibble = 0; nibble < 32; nibble++) {
    const v = parseInt(hex[nibble], 16);
    const keep = Math.max(0, Math.min(4, bits - nibble * 4));
    const mask = (0xf << (4 - keep)) & 0xf;
    const rest = fill ? ~mask & 0xf : 0;
    out += ((v & mask) | rest).toString(16);
  }
  return out;
}

/** Hex of `a.b.c.d`-style text for tests and fixtures; throws on invalid input. */
export function ipHex(text: string): string {
  const hex = parseIp(text);
  if (hex === undefined) throw new Error(notAnIpMessage(text));
  return hex;
}

/**
 * IP text for the conformance suite, written independently of the engine's codec so that the
 * suite does not check the engine against itself: parse to Elasticsearch's 16-byte form (IPv4 as
 * IPv4-mapped IPv6) and print the way Elasticsearch's DocValueFormat.IP does (IPv4 and
 * IPv4-mapped dotted, other IPv6 compressed lower case, RFC 5952).
 */
import 'server-only';


function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : undefined;
}

/** The 16 bytes of an IPv4 or IPv6 text, or undefined if it is not an IP. */
export function ipBytes(text: string): number[] | undefined {
  const t = text.trim();
  if (!t.includes(':')) {
    const v4 = parseV4(t);
    return v4 ? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] : undefined;
  }
  let head = t;
  const lastColon = t.lastIndexOf(':');
  if (t.slice(lastColon + 1).includes('.')) {
    // A trailing dotted quad (`::ffff:10.1.2.3`) is two 16-bit groups.
    const v4 = parseV4(t.slice(lastColon + 1));
    if (!v4) return undefined;
    head = `${t.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (s: string): number[] | undefined => {
    if (s === '') return [];
    const gs = s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
    return gs.some(Number.isNaN) ? undefined : gs;
  };
  const left = parseGroups(halves[0]);
  const right = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!left || !right) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const fill = 8 - left.length - right.length;
    if (fill < 1) return undefined;
    groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  } else {
    if (left.length !== 8) return undefined;
    groups = left;
  }
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

export function isV4Mapped(bytes: number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

/** Elasticsearch's printed form of 16 bytes. */
export function formatIpBytes(bytes: number[]): string {
  if (isV4Mapped(bytes)) return bytes.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  // The longest run of two or more zero groups (leftmost on ties) becomes `::`.
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Canonical printed form of an IP text, or undefined if it is not one. */
export function canonicalIp(text: string): string | undefined {
  const bytes = ipBytes(text);
  return bytes ? formatIpBytes(bytes) : undefined;
}

/**
 * TO_IP's `leading_zeros` option (docs/esql-semantics.md §10): `reject` is ./ip.ts's parseIp; `decimal` and `octal` read
 * IPv4 octets as Elasticsearch's ParseIp does — four dot-separated numbers, text after the fourth ignored, an octal octet
 * past 255 wrapped to its low byte — and IPv6 text (any `:`) as parseIp. Pure: no Node APIs.
 */
import { parseIp } from './ip';

export type LeadingZeros = 'reject' | 'decimal' | 'octal';

export const LEADING_ZEROS: readonly LeadingZeros[] = ['reject', 'decimal', 'octal'];

const V4_MAPPED_PREFIX = '00000000000000000000ffff';

const isDigit = (c: string | undefined, max: string) => c !== undefined && c >= '0' && c <= max;

/** 32 hex digits of the address, or undefined where Elasticsearch answers `'x' is not an IP string literal.`. */
export function parseIpLeadingZeros(text: string, mode: LeadingZeros): string | undefined {
  if (mode === 'reject' || text.includes(':')) return parseIp(text);
  let hex = V4_MAPPED_PREFIX;
  let i = 0;
  for (let octet = 0; octet < 4; octet++) {
    if (i >= text.length) return undefined;
    const octal = mode === 'octal' && text[i] === '0';
    if (octal) i++;
    else if (!isDigit(text[i], '9')) return undefined;
    let v = 0;
    for (; i < text.length && text[i] !== '.'; i++) {
      if (!isDigit(text[i], octal ? '7' : '9')) return undefined;
      v = octal ? (v * 8 + Number(text[i])) % 256 : v * 10 + Number(text[i]);
      if (!octal && v > 255) return undefined;
    }
    i++;
    hex += v.toString(16).padStart(2, '0');
  }
  return hex;
}

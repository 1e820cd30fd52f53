/**
 * The client's address, for the sign-in limits. Next.js route handlers do not see the socket, so
 * Huntboard's HTTP server (process/serve.ts) writes the socket's address into PEER_HEADER after deleting
 * any copy the client sent; that header is believed only when that server is in front
 * (`peerHeader` of the access decision). Behind a trusted proxy (HUNTBOARD_TRUST_PROXY=1) the
 * last X-Forwarded-For entry — the one that proxy appended — names the client instead.
 */
import 'server-only';
import { isIP } from 'node:net';

export const PEER_HEADER = 'x-huntboard-peer';

/**
 * One key per client: IPv4-mapped IPv6 is the IPv4 address, and an IPv6 address counts as its
 * /64 — one host usually holds a whole /64, and would otherwise have 2^64 budgets.
 */
export function addressKey(raw: string): string | undefined {
  let address = raw.trim().toLowerCase();
  if (address.startsWith('[') && address.includes(']')) address = address.slice(1, address.indexOf(']'));
  address = address.replace(/%.*$/, ''); // zone id
  if (address.startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  const kind = isIP(address);
  if (kind === 4) return address;
  if (kind !== 6) return undefined;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) counts as two groups; only the first four groups matter here.
  const width = (parts: string[]) => parts.reduce((n, p) => n + (p.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? [] : Array<string>(Math.max(0, 8 - width(left) - width(right))).fill('0');
  return [...left, ...zeros, ...right].map((group) => (group.includes('.') ? group : String(parseInt(group || '0', 16).toString(16))));
}

export function isLoopbackAddress(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const address = raw.trim().toLowerCase().replace(/^::ffff:/, '');
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1';
}

export interface AddressTrust {
  trustProxy: boolean;
  peerHeader: boolean;
}

/** The client's address key, or undefined when nothing trustworthy names it. */
export function clientAddress(headers: Headers, trust: AddressTrust): string | undefined {
  if (trust.trustProxy) {
    const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last && last.length <= 100) return addressKey(last);
  }
  if (!trust.peerHeader) return undefined;
  const peer = headers.get(PEER_HEADER);
  return peer && peer.length <= 100 ? addressKey(peer) : undefined;
}

import { describe, expect, it } from 'vitest';
import { formatIp, parseCidr, parseIp } from './ip';

const MAPPED = '00000000000000000000ffff';

describe('parseIp', () => {
  it('maps IPv4 into the IPv4-mapped IPv6 range', () => {
    expect(parseIp('0.0.0.0')).toBe(MAPPED + '00000000');
    expect(parseIp('10.0.0.1')).toBe(MAPPED + '0a000001');
    expect(parseIp('255.255.255.255')).toBe(MAPPED + 'ffffffff');
  });
  it('reads IPv6 with and without ::', () => {
    expect(parseIp('::')).toBe('0'.repeat(32));
    expect(parseIp('::1')).toBe('0'.repeat(31) + '1');
    expect(parseIp('1::')).toBe('0001' + '0'.repeat(28));
    expect(parseIp('FE80::CAE2:65FF:FECE:FEB9')).toBe('fe80000000000000cae265fffecefeb9');
    expect(parseIp('2001:db8:0:0:0:0:2:1')).toBe('20010db8000000000000000000020001');
    expect(parseIp('2001:0db8::0002:0001')).toBe('20010db8000000000000000000020001');
  });
  it('treats embedded IPv4 forms', () => {
    expect(parseIp('::ffff:1.2.3.4')).toBe(MAPPED + '01020304');
    expect(parseIp('::ffff:1.2.3.4')).toBe(parseIp('1.2.3.4'));
    expect(parseIp('::1.2.3.4')).toBe('0'.repeat(24) + '01020304');
    expect(parseIp('64:ff9b::192.0.2.33')).toBe('0064ff9b0000000000000000c0000221');
    expect(parseIp('::ffff:0:0')).toBe(MAPPED + '00000000');
  });
  it('rejects invalid text, zone ids and leading zeros in IPv4 octets', () => {
    for (const bad of ['', 'abc', '1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-1', '01.2.3.4', '1.2.3.00', '1.1.010.1', ':::', '1:::2',
      '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7::8', 'fe80::1%eth0', '12345::', ':1', '1:', '::g', '::1.2.3', ' 1.2.3.4']) {
      expect(parseIp(bad), bad).toBeUndefined();
    }
    expect(parseIp('0.0.0.0')).toBeDefined();
    expect(parseIp('1:2:3:4:5:6::8')).toBe('00010002000300040005000600000008');
  });
});

describe('formatIp', () => {
  const roundTrip = (text: string): string => formatIp(parseIp(text)!);
  it('prints IPv4 and IPv4-mapped dotted', () => {
    expect(roundTrip('10.0.0.1')).toBe('10.0.0.1');
    expect(roundTrip('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(roundTrip('::ffff:0:0')).toBe('0.0.0.0');
  });
  it('prints IPv6 RFC 5952 compressed lower case', () => {
    expect(roundTrip('::')).toBe('::');
    expect(roundTrip('::1')).toBe('::1');
    expect(roundTrip('1::')).toBe('1::');
    expect(roundTrip('FE80:0:0:0:CAE2:65FF:FECE:FEB9')).toBe('fe80::cae2:65ff:fece:feb9');
    expect(roundTrip('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(roundTrip('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(roundTrip('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(roundTrip('::1.2.3.4')).toBe('::102:304');
  });
});

describe('parseCidr', () => {
  it('covers IPv4 blocks over the mapped range', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ lo: MAPPED + '0a000000', hi: MAPPED + '0affffff' });
    expect(parseCidr('0.0.0.0/0')).toEqual({ lo: MAPPED + '00000000', hi: MAPPED + 'ffffffff' });
    expect(parseCidr('192.0.0.8/32')).toEqual({ lo: MAPPED + 'c0000008', hi: MAPPED + 'c0000008' });
    expect(parseCidr('172.16.0.0/12')).toEqual({ lo: MAPPED + 'ac100000', hi: MAPPED + 'ac1fffff' });
    expect(parseCidr('100.64.0.0/10')).toEqual({ lo: MAPPED + '64400000', hi: MAPPED + '647fffff' });
    expect(parseCidr('10.1.2.3/8')).toEqual({ lo: MAPPED + '0a000000', hi: MAPPED + '0affffff' });
  });
  it('covers IPv6 blocks', () => {
    expect(parseCidr('FE80::/10')).toEqual({ lo: 'fe80' + '0'.repeat(28), hi: 'febf' + 'f'.repeat(28) });
    expect(parseCidr('FF00::/8')).toEqual({ lo: 'ff' + '0'.repeat(30), hi: 'ff' + 'f'.repeat(30) });
    expect(parseCidr('::/0')).toEqual({ lo: '0'.repeat(32), hi: 'f'.repeat(32) });
    expect(parseCidr('::1/128')).toEqual({ lo: '0'.repeat(31) + '1', hi: '0'.repeat(31) + '1' });
  });
  it('fe80::/10 edges', () => {
    const r = parseCidr('fe80::/10') as { lo: string; hi: string };
    const inside = (ip: string): boolean => { const h = parseIp(ip)!; return h >= r.lo && h <= r.hi; };
    expect(inside('fe80::')).toBe(true);
    expect(inside('febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(inside('fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(false);
    expect(inside('fec0::')).toBe(false);
    expect(inside('10.0.0.1')).toBe(false);
  });
  it('a block without / is a single address', () => {
    expect(parseCidr('::1')).toEqual({ lo: '0'.repeat(31) + '1', hi: '0'.repeat(31) + '1' });
    expect(parseCidr('127.0.0.1')).toEqual({ lo: MAPPED + '7f000001', hi: MAPPED + '7f000001' });
  });
  it('reports Elasticsearch errors', () => {
    expect(parseCidr('10.0.0.0/33')).toEqual({
      error: 'Illegal prefix length [33] in [10.0.0.0/33]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges',
    });
    expect(parseCidr('::/129')).toHaveProperty('error', 'Illegal prefix length [129] in [::/129]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges');
    expect(parseCidr('10.0.0.0/-1')).toHaveProperty('error', 'Illegal prefix length [-1] in [10.0.0.0/-1]. Must be 0-32 for IPv4 ranges, 0-128 for IPv6 ranges');
    expect(parseCidr('1.2.3/8')).toEqual({ error: "'1.2.3' is not an IP string literal." });
    expect(parseCidr('foo')).toEqual({ error: "'foo' is not an IP string literal." });
    expect(parseCidr('10.0.0.0/8/8')).toEqual({ error: 'Expected [ip/prefix] but was [10.0.0.0/8/8]' });
    expect(parseCidr('10.0.0.0/x')).toEqual({ error: 'For input string: "x"' });
    expect((parseCidr('::ffff:1.2.3.4/120') as { error: string }).error).toMatch(/^CIDR notation is not allowed with IPv6-mapped IPv4 address/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatIp } from './ip';
import { parseIpLeadingZeros } from './ip-leading-zeros';

const read = (text: string, mode: 'reject' | 'decimal' | 'octal') => {
  const hex = parseIpLeadingZeros(text, mode);
  return hex === undefined ? undefined : formatIp(hex);
};

describe("TO_IP's leading_zeros (Elasticsearch ParseIp)", () => {
  it('reads leading zeros as decimal or octal, or rejects them', () => {
    expect(read('192.168.010.1', 'decimal')).toBe('192.168.10.1');
    expect(read('192.168.010.1', 'octal')).toBe('192.168.8.1');
    expect(read('192.168.010.1', 'reject')).toBeUndefined();
    expect(read('192.168.0.1', 'octal')).toBe('192.168.0.1');
  });

  it('refuses what ParseIp refuses', () => {
    expect(read('192.168.09.1', 'octal')).toBeUndefined();
    expect(read('192.168.256.1', 'decimal')).toBeUndefined();
    expect(read('1.2.3', 'decimal')).toBeUndefined();
    expect(read('1..2.3', 'octal')).toBeUndefined();
    expect(read('a.b.c.d', 'decimal')).toBeUndefined();
  });

  it('keeps ParseIp quirks: text after the fourth octet ignored, octal past 255 wrapped', () => {
    expect(read('1.2.3.4.5', 'decimal')).toBe('1.2.3.4');
    expect(read('1.2.3.0777', 'octal')).toBe('1.2.3.255');
  });

  it('reads IPv6 as plain TO_IP', () => {
    expect(read('fe80::1', 'octal')).toBe('fe80::1');
  });
});

import { describe, expect, it } from 'vitest';
import { reverseText } from './reverse';
import { urlDecode, urlEncode } from './url-codec';

describe('URL codecs (as Elasticsearch and java.net.URLDecoder)', () => {
  it('encodes all but the RFC 3986 unreserved characters, per UTF-8 byte, in upper-case hex', () => {
    expect(urlEncode('a b/é~*', true)).toBe('a+b%2F%C3%A9~%2A');
    expect(urlEncode('a b', false)).toBe('a%20b');
    expect(urlEncode('', true)).toBe('');
  });

  it('decodes + as a space and runs of escapes as UTF-8', () => {
    expect(urlDecode('caf%C3%A9+au%20lait')).toEqual({ ok: true, text: 'café au lait' });
    expect(urlDecode('%FF')).toEqual({ ok: true, text: '\uFFFD' });
    // Integer.parseInt accepts a leading sign, and Character.digit any Unicode decimal digit.
    expect(urlDecode('%+9')).toEqual({ ok: true, text: '\t' });
    expect(urlDecode('%٤١')).toEqual({ ok: true, text: 'A' });
  });

  it('refuses with the decoder messages', () => {
    expect(urlDecode('%zz')).toEqual({ ok: false, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz"' });
    expect(urlDecode('%4g')).toEqual({ ok: false, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "4g"' });
    expect(urlDecode('%-1')).toEqual({ ok: false, message: 'URLDecoder: Illegal hex characters in escape (%) pattern - negative value' });
    expect(urlDecode('ab%4')).toEqual({ ok: false, message: 'URLDecoder: Incomplete trailing escape (%) pattern' });
    expect(urlDecode('%41%')).toEqual({ ok: false, message: 'URLDecoder: Incomplete trailing escape (%) pattern' });
  });
});

describe('REVERSE (as Elasticsearch)', () => {
  it('reverses plain ASCII byte by byte, even a CRLF', () => {
    expect(reverseText('ab\r\n')).toBe('\n\rba');
  });

  it('keeps grapheme clusters whole otherwise', () => {
    expect(reverseText('👍🏽x')).toBe('x👍🏽');
    expect(reverseText('(\r\n')).toBe('\r\n(');
    expect(reverseText('e\u0301!')).toBe('!e\u0301');
  });
});

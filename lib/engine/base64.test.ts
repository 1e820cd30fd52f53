import { describe, expect, it } from 'vitest';
import { fromBase64 } from './base64';

// Answers and messages of java.util.Base64.getDecoder().decode, which Elasticsearch's FROM_BASE64 calls.
describe('fromBase64', () => {
  it.each([
    ['ZWxhc3RpYw==', 'elastic'],
    ['ZWxhc3RpYw', 'elastic'],
    ['aGk=', 'hi'],
    ['aGk', 'hi'],
    ['', ''],
    ['cG93ZXJzaGVsbCAtZW5jIEFBQQ==', 'powershell -enc AAA'],
  ])('%s → %s', (input, text) => {
    expect(fromBase64(input)).toEqual({ ok: true, text });
  });

  it.each([
    ['not base64!', 'Illegal base64 character 20'],
    ['aGk=x', 'Input byte array has incorrect ending byte at 4'],
    ['a', 'Input byte[] should at least have 2 bytes for base64 bytes'],
    ['aGVsbG8xy', 'Last unit does not have enough valid bits'],
    ['aGVsbG8x=', 'Input byte array has wrong 4-byte ending unit'],
    ['aG=', 'Input byte array has wrong 4-byte ending unit'],
    ['=abc', 'Input byte array has wrong 4-byte ending unit'],
    ['aGé=', 'Illegal base64 character -3d'],
  ])('%s is refused: %s', (input, message) => {
    expect(fromBase64(input)).toEqual({ ok: false, message: `java.lang.IllegalArgumentException: ${message}` });
  });
});

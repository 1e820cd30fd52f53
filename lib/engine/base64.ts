/**
 * FROM_BASE64 as Elasticsearch runs it: java.util.Base64's basic decoder over the value's UTF-8
 * bytes (no whitespace, padding optional, nothing after it), the bytes read back as UTF-8. A value
 * it refuses is null with the decoder's own message as the warning, not a failed query
 * (docs/esql-semantics.md §8.4). Pure.
 */
import 'server-only';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;
const PAD = '='.charCodeAt(0);
VALUE[PAD] = -2;

export type Base64Decoded = { ok: true; text: string } | { ok: false; message: string };

const refuse = (message: string): Base64Decoded => ({ ok: false, message: `java.lang.IllegalArgumentException: ${message}` });
/** Java prints the offending byte as a signed byte in hex (`-3d` for 0xC3). */
const signedHex = (b: number) => (b > 127 ? b - 256 : b).toString(16);

export function fromBase64(value: string): Base64Decoded {
  const src = new TextEncoder().encode(value);
  if (src.length === 1) return refuse('Input byte[] should at least have 2 bytes for base64 bytes');
  const out: number[] = [];
  let bits = 0;
  let shift = 18;
  let at = 0;
  while (at < src.length) {
    const byte = src[at++];
    const v = VALUE[byte];
    if (v === -2) {
      // "=" ends the data: valid after two characters of a unit ("xx==") or three ("xxx=").
      if ((shift === 6 && (at === src.length || src[at++] !== PAD)) || shift === 18) return refuse('Input byte array has wrong 4-byte ending unit');
      break;
    }
    if (v < 0) return refuse(`Illegal base64 character ${signedHex(byte)}`);
    bits |= v << shift;
    shift -= 6;
    if (shift < 0) {
      out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff, bits & 0xff);
      shift = 18;
      bits = 0;
    }
  }
  if (shift === 6) out.push((bits >> 16) & 0xff);
  else if (shift === 0) out.push((bits >> 16) & 0xff, (bits >> 8) & 0xff);
  else if (shift === 12) return refuse('Last unit does not have enough valid bits');
  if (at < src.length) return refuse(`Input byte array has incorrect ending byte at ${at}`);
  return { ok: true, text: new TextDecoder().decode(Uint8Array.from(out)) };
}

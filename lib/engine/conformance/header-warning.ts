/** How Elasticsearch writes a warning into its `Warning` response header, the form csv-spec files use. */
import 'server-only';

/** Characters HeaderWarning sends as they are; the rest (and `%`) are percent-encoded as UTF-8. */
function sentAsIs(code: number): boolean {
  if (code === 0x25) return false;
  return code === 0x09 || code === 0x20 || code === 0x21 || code === 0x22 || code === 0x5c || (code >= 0x23 && code <= 0x5b) || (code >= 0x5d && code <= 0x7e) || (code >= 0x80 && code <= 0xff);
}

/**
 * Elasticsearch's HeaderWarning.escapeAndEncode: backslashes and quotes escaped, then `%`, control
 * characters and code points above U+00FF percent-encoded — the form the csv-spec files write warnings in.
 */
export function escapeWarning(text: string): string {
  const escaped = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  let out = '';
  for (const ch of escaped) {
    const code = ch.codePointAt(0) ?? 0;
    if (sentAsIs(code)) out += ch;
    else for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

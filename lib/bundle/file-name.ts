/**
 * The name an imported bundle is stored and shown under: what the uploader called the file, reduced
 * to a display name. Never a path (the base name only, after percent-decoding, so `..%2F..%2Fx`
 * is `x` too), no control, format or bidi characters, no leading dots, bounded length.
 */
import 'server-only';

export const MAX_FILE_NAME_LENGTH = 120;
export const DEFAULT_FILE_NAME = 'bundle.huntboard.gz';

function percentDecoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Cc: controls (NUL, CR, LF, ESC…); Cf: format characters, the bidi overrides and isolates among them; Zl/Zp: line separators. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function safeFileName(raw: string | null | undefined): string {
  const decoded = percentDecoded(raw ?? '').replace(INVISIBLE, '');
  const base = decoded.split(/[\\/]/).pop() ?? '';
  // A leading dot run would make `..` or a hidden name; whitespace runs collapse to one space.
  const tidy = base.replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  const bounded = [...tidy].slice(0, MAX_FILE_NAME_LENGTH).join('').trim();
  return bounded || DEFAULT_FILE_NAME;
}

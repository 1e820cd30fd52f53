/**
 * Where the Elasticsearch API key could leak to a browser, and every form it could leak in:
 * raw, base64 (what a client builds for `Authorization: ApiKey` from id:key pairs), base64url,
 * URL-encoded, JSON-escaped, and the random part alone (a truncated or re-formatted key).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function secretForms(secret: string): string[] {
  const random = secret.replace(/^hb-e2e-/, '');
  const forms = [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    Buffer.from(`ApiKey ${secret}`).toString('base64'),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    random,
    Buffer.from(random).toString('base64'),
  ];
  // Base64 of a string depends on its alignment in the encoded whole and on what follows it: also
  // check, at each of the three alignments, the characters that encode nothing but the secret.
  for (const pad of ['', 'x', 'xx']) forms.push(Buffer.from(pad + secret).toString('base64').slice(pad === '' ? 0 : 4).replace(/=+$/, '').slice(0, -2));
  return [...new Set(forms.filter((form) => form.length >= 12))];
}

/** The forms found in `text` (empty: clean). */
export function leakedForms(text: string, forms: readonly string[]): string[] {
  return forms.filter((form) => text.includes(form));
}

/** Every file under `dir`, recursively, as [path relative to dir, contents]. */
export function filesUnder(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.push([path.relative(dir, full), readFileSync(full, 'latin1')]);
  }
  return out;
}

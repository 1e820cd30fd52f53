/**
 * Where to go after signing in: only a path of this site. `//evil.example`, `/\evil.example`,
 * `https://…` and `javascript:` are open redirects or worse; they fall back to `/`.
 */
import 'server-only';

export function safeNextPath(next: string | string[] | null | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || value.length > 2000 || !value.startsWith('/') || value.startsWith('//')) return '/';
  // Browsers read a backslash as a slash and drop tabs and newlines in URLs.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  try {
    const base = 'http://huntboard.invalid';
    const url = new URL(value, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** The sign-in page, coming back to `next` afterwards. */
export function signInPath(next: string): string {
  const back = safeNextPath(next);
  return back === '/' ? '/signin' : `/signin?next=${encodeURIComponent(back)}`;
}

/** A page's own path with its query, as a server component sees them, for coming back after sign-in. */
export function pagePath(path: string, searchParams: Record<string, string | string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, v);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

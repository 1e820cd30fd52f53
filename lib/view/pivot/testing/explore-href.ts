/** An Explore href taken apart, for tests that check what a pivot link carries. */

export function parseExploreHref(href: string): { path: string; esql: string | null; params: Record<string, unknown>[] | null; window: string | null } {
  const url = new URL(href, 'http://huntboard.test');
  const params = url.searchParams.get('params');
  return {
    path: url.pathname,
    esql: url.searchParams.get('esql'),
    params: params === null ? null : (JSON.parse(params) as Record<string, unknown>[]),
    window: url.searchParams.get('window'),
  };
}

/**
 * Explore's address: the ES|QL text, its named params and the window, so a pivot, an "Open in
 * Explore" link, a reload or a shared link all show the same query. Values travel as params,
 * never spliced into the text.
 */
import type { EsqlValue } from '../../model/esql';
import { type WindowChoice, writeWindow } from './hunt-url';

export const EXPLORE_PATH = '/explore';

export interface ExploreLink {
  query: string;
  /** Named params, `[{ ip: "10.0.0.1" }]`, as the `_query` API takes them. */
  params?: Record<string, EsqlValue>[];
  window: WindowChoice;
}

export function exploreHref(link: ExploreLink): string {
  const out = new URLSearchParams();
  out.set('esql', link.query);
  if (link.params && link.params.length > 0) out.set('params', JSON.stringify(link.params));
  writeWindow(out, link.window);
  return `${EXPLORE_PATH}?${out.toString()}`;
}

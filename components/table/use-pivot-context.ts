'use client';
/** The pivot context of a result: the FROM patterns of the query that ran and its window, kept stable across renders. */
import { useMemo } from 'react';
import type { WindowInfo } from '@/lib/model/api';
import type { PivotContext } from '@/lib/view/pivot/pivot';
import { fromSources } from '@/lib/view/pivot/sources';

export function usePivotContext(query: string | undefined, window: WindowInfo | undefined): PivotContext | undefined {
  const sources = useMemo(() => (query ? fromSources(query) : []), [query]);
  const key = window ? JSON.stringify(window) : '';
  return useMemo(() => (sources.length === 0 ? undefined : { sources, window: key ? (JSON.parse(key) as WindowInfo) : undefined }), [sources, key]);
}

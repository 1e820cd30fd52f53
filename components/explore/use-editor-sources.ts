'use client';
/**
 * What the backend holds, for the ES|QL editor: every index (for completion after FROM) and the
 * FROM's patterns resolved to fields with their types (for column completion and the analyzer),
 * from GET /api/explore/sources. Asked again only when the patterns change (and have stayed so a
 * moment: half-typed index names are not worth a request each); answers are kept per patterns.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ResolvedFromSources, SourcesResponse } from '@/lib/model/api';
import { callApi } from '@/lib/api/client';
import type { EditorSources } from '@/lib/view/explore/analysis';
import { patternsKey } from '@/lib/view/explore/from-patterns';

const SETTLE_MS = 200;

export function useEditorSources(patterns: readonly string[]): { sources: EditorSources; failure?: string } {
  const key = patternsKey(patterns);
  const cache = useRef(new Map<string, ResolvedFromSources>());
  const [indices, setIndices] = useState<string[]>([]);
  const [answered, setAnswered] = useState<{ key: string; result: ResolvedFromSources } | null>(null);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  useEffect(() => {
    const known = cache.current.get(key);
    if (known) {
      setAnswered({ key, result: known });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      const url = key === '' ? '/api/explore/sources' : `/api/explore/sources?${new URLSearchParams({ from: key }).toString()}`;
      const answer = await callApi<Extract<SourcesResponse, { ok: true }>>(url, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (!answer.ok) {
        setFailure(answer.message);
        return;
      }
      setFailure(undefined);
      setIndices(answer.body.indices);
      if (answer.body.resolved) {
        cache.current.set(key, answer.body.resolved);
        setAnswered({ key, result: answer.body.resolved });
      }
    }, key === '' ? 0 : SETTLE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [key]);

  // One object per answer, not per render: the editor re-checks the query when it changes.
  const sources = useMemo<EditorSources>(() => {
    const resolved = answered && answered.key === key ? { patterns: key === '' ? [] : key.split(','), result: answered.result } : undefined;
    return { indices, ...(resolved ? { resolved } : {}) };
  }, [indices, answered, key]);
  return { sources, ...(failure ? { failure } : {}) };
}

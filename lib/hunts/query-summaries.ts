/** What the hunt page's client part needs about each query (no AST crosses to the browser). */
import 'server-only';
import { formatErrors } from '../esql';
import { queryLabels } from './query-labels';
import type { Hunt } from './types';
import type { HuntQuerySummary } from '../model/hunt';


export function querySummaries(hunt: Hunt): HuntQuerySummary[] {
  const labels = queryLabels(hunt);
  return hunt.queries.map((q) => ({
    number: q.number,
    label: labels.get(q.number) ?? `Query ${q.number}`,
    language: q.language,
    text: q.text,
    runnable: q.language === 'ES|QL',
    ...(q.language !== 'ES|QL'
      ? { problem: `This query is ${q.language === 'SQL' ? 'OSQuery SQL' : q.language}; Huntboard runs ES|QL queries only. Its text is shown for reference.` }
      : !q.parsed.ok
        ? { problem: formatErrors(q.parsed.errors) }
        : {}),
  }));
}

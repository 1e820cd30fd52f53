/**
 * What a run's review compares it with, said in words: the previous review run of the same query
 * text (its id, how it was saved, when), or none — then everything is new. Runs seen count that
 * run and the earlier ones of the same text.
 */
import Link from 'next/link';
import { triggerLabel, utcMinute } from '@/lib/view/review/run-labels';
import { plural } from '@/lib/view/text/plural';

export interface DiffSummaryProps {
  previous?: { id: number; trigger: string; startedAt: string };
  /** Earlier review runs of the same query text considered for "runs seen". */
  compared: number;
  counts: { new: number; recurring: number; gone: number; hidden: number };
}

const n = (value: number) => value.toLocaleString('en-US');

export function DiffSummary({ previous, compared, counts }: DiffSummaryProps) {
  const earlier = compared - 1;
  return (
    <p className="diff-summary">
      {previous ? (
        <>
          Compared with <Link href={`/runs/${previous.id}`}>run #{previous.id}</Link> of <time dateTime={previous.startedAt}>{utcMinute(previous.startedAt)}</time> (
          {triggerLabel(previous.trigger)}), the previous review run of this query text
          {earlier > 0 ? `; runs seen also count ${plural(earlier, 'earlier run')}` : ''}:{' '}
        </>
      ) : (
        'First run of this query text: everything is new. '
      )}
      <strong>{n(counts.new)}</strong> new, <strong>{n(counts.recurring)}</strong> recurring, <strong>{n(counts.gone)}</strong> gone
      {counts.hidden > 0 ? (
        <>
          ; <strong>{n(counts.hidden)}</strong> hidden by the allow-list
        </>
      ) : null}
      .
    </p>
  );
}

/**
 * A marker beside a value that is not what it looks like (a Cyrillic `сurl`, a hidden bidi
 * override, a name mixing scripts), with the code points in its accessible name and tooltip.
 * The short label is drawn by CSS from `data-label`, so the value's own text (what a copy, a
 * filter or a test reads) stays exactly the data. Nothing from the value itself is echoed.
 */
import { analyseLookalike, lookalikeBadgeText } from '@/lib/view/text/lookalike';

export function LookalikeBadge({ text }: { text: string }) {
  const analysis = analyseLookalike(text);
  if (analysis.kind === 'plain') return null;
  const { label, description } = lookalikeBadgeText(analysis);
  return <span className="lookalike-badge" role="img" aria-label={description} title={description} data-label={label} data-kind={analysis.findings[0].kind} />;
}

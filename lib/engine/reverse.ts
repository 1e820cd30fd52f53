/**
 * REVERSE as Elasticsearch computes it (docs/esql-semantics.md §8.4): a string of ASCII bytes
 * without `(` is reversed byte by byte; any other is reversed by grapheme cluster
 * (java.text.BreakIterator's character instance, extended grapheme clusters as Intl.Segmenter
 * finds them), so an emoji sequence or a letter with its combining marks stays whole.
 */
import 'server-only';

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

export function reverseText(text: string): string {
  // Elasticsearch's byte fast path: it reverses "\r\n" too, where the grapheme path keeps it.
  if (/^[\x00-\x7f]*$/.test(text) && !text.includes('(')) return text.split('').reverse().join('');
  return Array.from(segmenter.segment(text), (s) => s.segment).reverse().join('');
}

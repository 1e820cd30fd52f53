/**
 * The editor's highlighted copy of its text: lib/view/text's ES|QL segments, cut again where a
 * problem's range starts or ends, so the squiggle covers exactly the characters the problem
 * names. Pure.
 */
import { highlightEsql, type HighlightKind } from '../text/esql-highlight';

export interface OverlaySegment {
  kind: HighlightKind;
  text: string;
  start: number;
  /** Inside a problem's range. */
  problem: boolean;
}

export function overlaySegments(text: string, problems: readonly { offset: number; end: number }[]): OverlaySegment[] {
  const cuts = new Set<number>();
  for (const p of problems) {
    cuts.add(p.offset);
    cuts.add(p.end);
  }
  const inProblem = (at: number) => problems.some((p) => at >= p.offset && at < p.end);
  const out: OverlaySegment[] = [];
  for (const s of highlightEsql(text)) {
    const end = s.start + s.text.length;
    const points = [s.start, ...[...cuts].filter((c) => c > s.start && c < end).sort((a, b) => a - b), end];
    for (let i = 0; i + 1 < points.length; i++) {
      out.push({ kind: s.kind, text: text.slice(points[i], points[i + 1]), start: points[i], problem: inProblem(points[i]) });
    }
  }
  // A problem at the end (`expecting …` after the last word) underlines a space after the text.
  if (problems.some((p) => p.offset >= text.length)) out.push({ kind: 'plain', text: ' ', start: text.length, problem: true });
  return out;
}

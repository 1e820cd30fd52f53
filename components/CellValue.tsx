/**
 * One ES|QL value, rendered by its Elasticsearch type. Values are attacker-controlled (process
 * names, command lines), so text only ever reaches the DOM as React text, and characters that
 * could reorder or hide what surrounds them are shown as visible, styled escapes.
 */
import type { ReactNode } from 'react';
import type { EsqlScalar, EsqlValue } from '@/lib/model/esql';
import { valueKind } from '@/lib/view/table/compare';
import { escapeVisible, segmentUnsafe } from '@/lib/view/text/escape';
import { LookalikeBadge } from './LookalikeBadge';
import { plural } from '@/lib/view/text/plural';

/** Longest text shown in full; longer values end in `…` with the whole text in the tooltip. */
export const DEFAULT_MAX_LENGTH = 160;
/** Multi-values beyond this many collapse into `+N more`. */
const MAX_LISTED = 8;

// A fixed locale: the server render and the browser's hydration must produce the same text.
// No digit grouping: ports, pids and ids are numbers too, and ES|QL results show digits as they are.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20, useGrouping: false });

export interface CellValueProps {
  value: EsqlValue;
  /** Elasticsearch type of the column: `keyword`, `long`, `date`, `ip`, … */
  type: string;
  maxLength?: number;
}

/** Cuts to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const head = text.slice(0, max);
  const last = head.charCodeAt(head.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? head.slice(0, -1) : head;
}

/** Text with unsafe characters as `<span class="cell-escape">`, plain runs as React text. */
export function InertText({ text, keepNewlines = false }: { text: string; keepNewlines?: boolean }) {
  return (
    <>
      {segmentUnsafe(text, { keepNewlines }).map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <span key={i} className="cell-escape" title={`U+${s.code.toString(16).toUpperCase().padStart(4, '0')}: ${s.reason} in the data, shown escaped`}>
            {s.text}
          </span>
        ),
      )}
    </>
  );
}

function TextValue({ text, maxLength }: { text: string; maxLength: number }) {
  if (text.length <= maxLength) return <InertText text={text} />;
  // The tooltip is plain text too: escaped so a bidi override cannot reorder it either.
  return (
    <span className="cell-truncated" title={escapeVisible(text)}>
      <InertText text={cut(text, maxLength)} />…
    </span>
  );
}

function Scalar({ value, type, maxLength }: { value: Exclude<EsqlScalar, null>; type: string; maxLength: number }): ReactNode {
  const kind = valueKind(type);
  if (kind === 'number' && typeof value === 'number') {
    return (
      <span className="cell-num" title={String(value)}>
        {NUMBER_FORMAT.format(value)}
      </span>
    );
  }
  if (kind === 'date' && typeof value === 'string') {
    // The server's ISO text as is: reformatting could change precision (date_nanos) or zone.
    return (
      <time className="cell-date" dateTime={escapeVisible(value)}>
        <InertText text={value} />
      </time>
    );
  }
  if (typeof value === 'boolean') return <span className="cell-bool">{String(value)}</span>;
  const text = String(value);
  if (kind !== 'string') return <TextValue text={text} maxLength={maxLength} />;
  return (
    <>
      <TextValue text={text} maxLength={maxLength} />
      <LookalikeBadge text={text} />
    </>
  );
}

function NullValue() {
  return (
    <span className="cell-null" title="null">
      —
    </span>
  );
}

export function CellValue({ value, type, maxLength = DEFAULT_MAX_LENGTH }: CellValueProps) {
  if (value === null) return <NullValue />;
  if (!Array.isArray(value)) return <Scalar value={value} type={type} maxLength={maxLength} />;
  if (value.length === 0) return <NullValue />;
  const listed = value.slice(0, MAX_LISTED);
  const rest = value.length - listed.length;
  return (
    <ul className="cell-multi" aria-label={plural(value.length, 'value')}>
      {listed.map((v, i) => (
        <li key={i}>{v === null ? <NullValue /> : <Scalar value={v} type={type} maxLength={maxLength} />}</li>
      ))}
      {rest > 0 && (
        <li className="cell-more" title={escapeVisible(value.slice(MAX_LISTED).map((v) => String(v)).join(', '))}>
          +{rest} more
        </li>
      )}
    </ul>
  );
}

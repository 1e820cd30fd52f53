'use client';
/**
 * One event's full document in a side panel, in two tabs: Table (every non-null field, grouped by
 * its first dotted segment, with a filter) and JSON (the document nested by its dotted names, as
 * "Copy JSON" copies it); previous/next through the table's order. A modal
 * dialog: focus moves in on open, Tab stays inside, Escape closes (the caller puts focus back).
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { inertText } from '@/lib/view/events/display-text';
import { eventDocumentJson, eventFields, filterFields, groupFields } from '@/lib/view/events/document';
import { CellValue } from '@/components/CellValue';
import { CellActions, type CellActionsConfig } from '@/components/table/CellActions';
import { FlyoutTabs } from './FlyoutTabs';

export interface EventFlyoutProps {
  columns: EsqlColumn[];
  row: EsqlValue[];
  /** The row's index in the loaded result. */
  rowIndex: number;
  /** Its place in the table's current order (0-based) and the number of rows. */
  position: number;
  total: number;
  onClose: () => void;
  /** Absent at the first/last row. */
  onPrevious?: () => void;
  onNext?: () => void;
  /** Why only the loaded fields are shown (no _id to fetch the document by, or the fetch failed). */
  note?: string;
  /** Filter for / out, copy and pivots on each field's value. */
  cellActions?: CellActionsConfig;
}

type CopyState = 'idle' | 'copied' | 'failed';

const FOCUSABLE = 'button:not([disabled]), input, [href], [tabindex]:not([tabindex="-1"])';

export function EventFlyout({ columns, row, rowIndex, position, total, onClose, onPrevious, onNext, note, cellActions }: EventFlyoutProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement | null>(null);
  const [filter, setFilter] = useState('');
  const [copy, setCopy] = useState<{ row: number; state: CopyState }>({ row: rowIndex, state: 'idle' });
  const fields = useMemo(() => eventFields(columns, row), [columns, row]);
  const groups = useMemo(() => groupFields(filterFields(fields, filter)), [fields, filter]);
  const timestamp = fields.find((f) => f.name === '@timestamp')?.value;
  const json = useMemo(() => eventDocumentJson(columns, row), [columns, row]);

  useEffect(() => {
    panel.current?.focus();
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === panel.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const copyJson = () => {
    const text = json;
    const done = (state: CopyState) => setCopy({ row: rowIndex, state });
    if (typeof navigator === 'undefined' || !navigator.clipboard) return done('failed');
    navigator.clipboard.writeText(text).then(
      () => done('copied'),
      () => done('failed'),
    );
  };
  const copyState = copy.row === rowIndex ? copy.state : 'idle';

  return (
    <>
      <div className="flyout-backdrop" onClick={onClose} aria-hidden="true" />
      <div ref={panel} className="event-flyout" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className="flyout-header">
          <h2 id={titleId}>
            Event {(position + 1).toLocaleString('en-US')} of {total.toLocaleString('en-US')}
          </h2>
          {typeof timestamp === 'string' && <time dateTime={timestamp} className="muted">{inertText(timestamp)}</time>}
          <button type="button" className="button flyout-close" onClick={onClose} aria-label="Close event">
            ×
          </button>
        </header>
        <div className="flyout-tools">
          <button type="button" className="button" onClick={onPrevious} disabled={!onPrevious}>
            ← Previous
          </button>
          <button type="button" className="button" onClick={onNext} disabled={!onNext}>
            Next →
          </button>
          <button type="button" className="button" onClick={copyJson}>
            Copy JSON
          </button>
          <span role="status" className="muted">
            {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Could not copy: the browser refused the clipboard' : ''}
          </span>
        </div>
        {note && (
          <p className="flyout-note" role="note">
            {note}
          </p>
        )}
        <FlyoutTabs
          label="Event views"
          tabs={[
            {
              id: 'table',
              title: 'Table',
              panel: (
                <>
                  <input type="search" className="flyout-filter" aria-label="Filter fields" placeholder="Filter fields and values" value={filter} onChange={(e) => setFilter(e.target.value)} />
                  {/* Focusable, so a keyboard alone can scroll a long document (its fields hold no control). */}
                  <div className="flyout-body" tabIndex={0} role="region" aria-label="Event fields">
                    {groups.length === 0 && <p className="muted">{fields.length === 0 ? 'This event has no non-null fields.' : 'No field matches the filter.'}</p>}
                    <table className="flyout-fields">
                      {groups.map((g) => (
                        <tbody key={g.group}>
                          <tr className="flyout-group">
                            <th scope="rowgroup" colSpan={2}>
                              {inertText(g.group)}
                            </th>
                          </tr>
                          {g.fields.map((f) => (
                            <tr key={f.name}>
                              <th scope="row" className="flyout-field">
                                {inertText(f.name)}
                              </th>
                              <td className={cellActions ? 'has-cell-actions' : undefined}>
                                <CellValue value={f.value} type={f.type} />
                                {cellActions && <CellActions field={f.name} type={f.type} value={f.value} config={cellActions} />}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      ))}
                    </table>
                  </div>
                </>
              ),
            },
            { id: 'json', title: 'JSON', focusable: true, panel: <pre className="flyout-json">{json}</pre> },
          ]}
        />
      </div>
    </>
  );
}

'use client';
/**
 * The drill-down's events as a real, virtualized <table>: only the rows in view (plus overscan)
 * are in the DOM, spacer rows keep the scroll height of all of them, the header sticks. Rows are
 * focusable with a roving tabindex; Enter or a click opens the event. The table is as tall as its
 * rows up to the rest of the viewport, then scrolls; columns fit their content unless resized.
 */
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { inertText } from '@/lib/view/events/display-text';
import { plural } from '@/lib/view/text/plural';
import { ariaSort, nextSort, sortedRowIndices, type EventSort } from '@/lib/view/events/sort';
import { rowKeyAction } from '@/lib/view/events/row-keys';
import { scrollTopFor } from '@/lib/view/events/virtual-window';
import { widthStyle } from '@/lib/view/table/column-widths';
import { CellValue } from '@/components/CellValue';
import { CellActions, type CellActionsConfig } from '@/components/table/CellActions';
import { ResizeHandle } from '@/components/table/ResizeHandle';
import { useColumnWidths } from '@/components/table/use-column-widths';
import { useAvailableHeight, useRowWindow } from './use-row-window';

export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
/** Before the page is measured (and on the server), and the least the table may take once it is. */
const INITIAL_MAX_HEIGHT = 480;
const FLOOR_HEIGHT = HEADER_HEIGHT + 8 * ROW_HEIGHT;

/** The cell's inner box of a column set to `width`: the header's width less the cell's padding (0 8px). */
function cellWidth(width: number | undefined): { width: number; maxWidth: number } | undefined {
  return width === undefined ? undefined : { width: width - 16, maxWidth: width - 16 };
}

export interface EventsTableHandle {
  /** Scrolls the row (by its index in `values`) into view and focuses it. */
  focusRow(rowIndex: number): void;
}

export interface EventsTableProps {
  columns: EsqlColumn[];
  values: EsqlValue[][];
  visibleColumns: string[];
  sort: EventSort | null;
  onSortChange: (sort: EventSort | null) => void;
  onOpenRow: (rowIndex: number) => void;
  /** The display order when the parent already sorted (it shares it with the flyout); else sorted here. */
  order?: readonly number[];
  /** The row open in the flyout, marked as current. */
  activeRow?: number;
  /** The most the scroll container may take, in pixels; by default the rest of the viewport. */
  maxHeight?: number;
  ref?: Ref<EventsTableHandle>;
  /** Filter for / out, copy and pivots on each cell; absent: plain cells. */
  cellActions?: CellActionsConfig;
}

export function EventsTable({ columns, values, visibleColumns, sort, onSortChange, onOpenRow, order, activeRow, maxHeight, ref, cellActions }: EventsTableProps) {
  // Keyed on the sort's fields, not its identity: a URL-parsed sort is a new object every render.
  const sortId = sort?.id;
  const sortDesc = sort?.desc ?? false;
  const rows = useMemo(
    () => order ?? sortedRowIndices(columns, values, sortId === undefined ? null : { id: sortId, desc: sortDesc }),
    [order, columns, values, sortId, sortDesc],
  );
  const shown = useMemo(() => {
    const at = new Map(columns.map((c, i) => [c.name, i]));
    return visibleColumns.flatMap((name) => {
      const i = at.get(name);
      return i === undefined ? [] : [{ column: columns[i], index: i }];
    });
  }, [columns, visibleColumns]);

  const scroller = useRef<HTMLDivElement | null>(null);
  const available = useAvailableHeight(scroller, INITIAL_MAX_HEIGHT, FLOOR_HEIGHT);
  const height = maxHeight ?? available;
  const { window, onScroll, viewportHeight } = useRowWindow(scroller, rows.length, ROW_HEIGHT, height - HEADER_HEIGHT);
  // Widths are kept across drill-downs: their columns are the same ECS fields.
  const { widths, setWidth } = useColumnWidths('events');
  // The roving focus position belongs to one order; a new order starts again at its top.
  const [focus, setFocus] = useState<{ rows: readonly number[]; pos: number }>({ rows, pos: 0 });
  const focusPos = focus.rows === rows ? focus.pos : 0;
  const setFocusPos = (pos: number) => setFocus({ rows, pos });
  const pendingFocus = useRef<number | null>(null);

  // A new order starts at its top (the analyst asked to see what sorts first), unless an event is
  // open: then its row stays in view behind the flyout, also when a reload restores it from the URL.
  const scrolledFor = useRef<readonly number[] | null>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const pos = activeRow === undefined ? -1 : rows.indexOf(activeRow);
    if (pos >= 0) el.scrollTop = scrollTopFor(pos, el.scrollTop, el.clientHeight, ROW_HEIGHT, HEADER_HEIGHT);
    else if (scrolledFor.current !== rows) el.scrollTop = 0;
    scrolledFor.current = rows;
  }, [rows, activeRow]);

  useEffect(() => {
    if (pendingFocus.current === null || !scroller.current) return;
    const tr = scroller.current.querySelector<HTMLTableRowElement>(`tr[data-row-index="${pendingFocus.current}"]`);
    if (tr) {
      tr.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  const moveTo = (pos: number) => {
    if (rows.length === 0) return;
    const clamped = Math.max(0, Math.min(rows.length - 1, pos));
    setFocusPos(clamped);
    pendingFocus.current = rows[clamped];
    const el = scroller.current;
    if (el) el.scrollTop = scrollTopFor(clamped, el.scrollTop, viewportHeight + HEADER_HEIGHT, ROW_HEIGHT, HEADER_HEIGHT);
  };

  useImperativeHandle(ref, () => ({
    focusRow(rowIndex: number) {
      const pos = rows.indexOf(rowIndex);
      if (pos >= 0) moveTo(pos);
    },
  }));

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, pos: number) => {
    const action = rowKeyAction(e.key, pos, rows.length, Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1));
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'open') onOpenRow(rows[pos]);
    else moveTo(action.to);
  };

  // The roving tab stop must be a rendered row, or Tab would skip the table.
  const tabPos = focusPos >= window.start && focusPos < window.end ? focusPos : window.start;
  const positions: number[] = [];
  for (let p = window.start; p < window.end; p++) positions.push(p);
  const span = Math.max(1, shown.length);

  return (
    <div className="events-table-scroll" ref={scroller} onScroll={onScroll} style={{ maxHeight: height }} tabIndex={-1}>
      <table className="events-table" aria-rowcount={rows.length + 1} aria-label={`Events, ${plural(rows.length, 'row')}`}>
        <thead>
          <tr aria-rowindex={1}>
            {shown.map(({ column }) => {
              const state = ariaSort(sort, column.name);
              return (
                <th key={column.name} scope="col" aria-sort={state} className="sizable" style={widthStyle(widths[column.name])}>
                  <button type="button" className="sort-button" onClick={() => onSortChange(nextSort(sort, column.name))} title={`Sort by ${inertText(column.name)} (${column.type})`}>
                    <span className="sort-name">{inertText(column.name)}</span>
                    <span aria-hidden="true" className="sort-arrow">
                      {state === 'ascending' ? '▲' : state === 'descending' ? '▼' : ''}
                    </span>
                  </button>
                  <ResizeHandle name={inertText(column.name)} width={widths[column.name]} onResize={(w) => setWidth(column.name, w)} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {window.before > 0 && (
            <tr aria-hidden="true" className="events-spacer">
              <td colSpan={span} style={{ height: window.before }} />
            </tr>
          )}
          {positions.map((pos) => {
            const rowIndex = rows[pos];
            const row = values[rowIndex];
            return (
              <tr
                key={rowIndex}
                data-row-index={rowIndex}
                aria-rowindex={pos + 2}
                aria-current={rowIndex === activeRow ? 'true' : undefined}
                tabIndex={pos === tabPos ? 0 : -1}
                data-skip-target={pos === tabPos || undefined}
                className="events-row"
                style={{ height: ROW_HEIGHT }}
                onClick={() => {
                  setFocusPos(pos);
                  onOpenRow(rowIndex);
                }}
                onFocus={() => setFocusPos(pos)}
                onKeyDown={(e) => onRowKey(e, pos)}
              >
                {shown.map(({ column, index }) => (
                  <td key={column.name} className={cellActions ? 'has-cell-actions' : undefined}>
                    <div className="events-cell" style={cellWidth(widths[column.name])}>
                      <CellValue value={row[index] ?? null} type={column.type} />
                    </div>
                    {cellActions && <CellActions field={column.name} type={column.type} value={row[index] ?? null} config={cellActions} tabbable={pos === tabPos} />}
                  </td>
                ))}
              </tr>
            );
          })}
          {window.after > 0 && (
            <tr aria-hidden="true" className="events-spacer">
              <td colSpan={span} style={{ height: window.after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

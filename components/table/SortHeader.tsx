'use client';
/**
 * A sortable column header: a real button (keyboard reachable), `aria-sort` on the <th>, the sort
 * direction and, in a multi-column sort, the key's position. Shift-click adds a secondary key.
 */
import type { Header } from '@tanstack/react-table';
import { widthStyle } from '@/lib/view/table/column-widths';
import type { Features, RowView } from './columns';
import { ResizeHandle } from './ResizeHandle';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function ariaSortOf(sorted: false | 'asc' | 'desc'): 'ascending' | 'descending' | 'none' {
  return sorted === false ? 'none' : ARIA_SORT[sorted];
}

export interface SortHeaderProps {
  header: Header<Features, RowView, unknown>;
  name: string;
  type: string;
  numeric: boolean;
  /** How many sort keys are active: positions are shown only when there are several. */
  sortCount: number;
  /** The width set by hand, if any (else the column fits its content). */
  width?: number;
  /** Resizes the column; null fits it to its content again. Without it the column is not resizable. */
  onResize?: (width: number | null) => void;
}

export function SortHeader({ header, name, type, numeric, sortCount, width, onResize }: SortHeaderProps) {
  const column = header.column;
  const sorted = column.getIsSorted();
  const position = column.getSortIndex();
  const toggle = column.getToggleSortingHandler();
  const next = column.getNextSortingOrder();
  const action = next === false ? 'remove sort' : next === 'asc' ? 'sort ascending' : 'sort descending';
  return (
    <th scope="col" aria-sort={ariaSortOf(sorted)} className={`sizable${numeric ? ' num' : ''}`} style={widthStyle(width)}>
      <button type="button" className="sort-button" onClick={toggle} title={`${name} (${type}): click to ${action}, shift-click to add as a secondary sort`}>
        <span className="column-name">{name}</span>
        <span className="column-type">{type}</span>
        <span className="sort-indicator" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
          {sorted !== false && sortCount > 1 ? <sup>{position + 1}</sup> : null}
        </span>
      </button>
      {onResize && <ResizeHandle name={name} width={width} onResize={onResize} />}
    </th>
  );
}

'use client';
/**
 * A hunt result as a sortable, filterable <table>. Sort and filters are controlled (the page keeps
 * them in the URL); the order is computed over the whole result by lib/view/table, with each column's
 * ES type deciding how it sorts, and TanStack Table owns the sort state machine and the header
 * groups. Rows keep their index in `values` as their id, for links, highlight and scrolling.
 */
import { useMemo } from 'react';
import { functionalUpdate, useTable, type Updater, type SortingState } from '@tanstack/react-table';
import type { EsqlColumn, EsqlScalar, EsqlValue } from '@/lib/model/esql';
import { valueKind } from '@/lib/view/table/compare';
import { exactFilterText, filterRowIndices } from '@/lib/view/table/filter';
import type { PivotContext } from '@/lib/view/pivot/pivot';
import { sortRowIndices, type SortSpec } from '@/lib/view/table/sort';
import { plural } from '@/lib/view/text/plural';
import { widthStyle } from '@/lib/view/table/column-widths';
import { CellValue } from './CellValue';
import { CellActions, type CellActionsConfig } from './table/CellActions';
import { planColumns, SORTING_OPTIONS, tableFeatureSet, type ColumnInfo, type RowView } from './table/columns';
import { FilterInput } from './table/FilterInput';
import { ResizeHandle } from './table/ResizeHandle';
import { SortHeader } from './table/SortHeader';
import { useColumnWidths } from './table/use-column-widths';

export interface ExtraColumns {
  columns: EsqlColumn[];
  /** The extra cells of a row (by its index in `values`); undefined when none were fetched for it. */
  valuesFor: (rowIndex: number) => EsqlValue[] | undefined;
  /** Header of the group, e.g. `Context`. */
  label: string;
  loading?: boolean;
}

export interface RowAction {
  href: string;
  /** The visible text, e.g. `Events`. */
  label: string;
  /** What the row is, for its accessible name (`Events for curl, host-7`): its key, never its position. */
  description: string;
}

export interface ResultTableProps {
  columns: EsqlColumn[];
  values: EsqlValue[][];
  sorting: SortSpec[];
  onSortingChange: (sorting: SortSpec[]) => void;
  filters: Record<string, string>;
  /** Called with an edit of the latest filters, not a new set: two boxes committing in quick succession must both count. */
  onFiltersChange: (edit: (filters: Record<string, string>) => Record<string, string>) => void;
  extraColumns?: ExtraColumns;
  rowAction?: (rowIndex: number) => RowAction;
  caption?: string;
  /** Index in `values` of a row to mark (e.g. the one a drill-down came back from). */
  highlightRow?: number;
  /** Names the table for the column widths kept in the session; by default, its column names. */
  sizingKey?: string;
  /** Each cell gets filter for / out (the table's own filter boxes), copy and, with a pivot context, pivots into Explore. */
  cellActions?: { pivot?: PivotContext };
}

const NO_CONTEXT = 'No context was fetched for this row';

function isNumeric(type: string): boolean {
  return valueKind(type) === 'number';
}

function withFilter(filters: Record<string, string>, column: string, value: string): Record<string, string> {
  const next = { ...filters };
  if (value.trim() === '') delete next[column];
  else next[column] = value;
  return next;
}

export function ResultTable(props: ResultTableProps) {
  const { columns, values, sorting, onSortingChange, filters, onFiltersChange, extraColumns, rowAction, caption, highlightRow } = props;
  const pivot = props.cellActions?.pivot;
  const withCellActions = props.cellActions !== undefined;
  const actions = useMemo<CellActionsByKind | undefined>(() => {
    if (!withCellActions) return undefined;
    const onFilter = (field: string, value: EsqlScalar, negate: boolean) => {
      if (value !== null) onFiltersChange((latest) => withFilter(latest, field, exactFilterText(value, negate)));
    };
    return { result: { onFilter, ...(pivot ? { pivot } : {}) }, context: pivot ? { pivot } : {} };
  }, [withCellActions, pivot, onFiltersChange]);
  const { widths, setWidth } = useColumnWidths(props.sizingKey ?? `result:${columns.map((c) => c.name).join(',')}`);
  const contextLabel = extraColumns?.label ?? 'Context';
  const withAction = rowAction !== undefined;
  // Keyed by content: callers often pass a fresh `[]` while context loads, and rebuilding the
  // column model on every render would be wasted work.
  const contextKey = extraColumns ? JSON.stringify(extraColumns.columns) : null;
  const plan = useMemo(
    () => planColumns(columns, contextKey === null ? undefined : (JSON.parse(contextKey) as EsqlColumn[]), contextLabel, withAction),
    [columns, contextKey, contextLabel, withAction],
  );

  const filtered = useMemo(() => filterRowIndices(columns, values, filters), [columns, values, filters]);
  const order = useMemo(() => sortRowIndices(columns, values, filtered, sorting), [columns, values, filtered, sorting]);
  const data = useMemo<RowView[]>(() => order.map((index) => ({ index, cells: values[index] })), [order, values]);

  const table = useTable({
    features: tableFeatureSet,
    columns: plan.defs,
    data,
    getRowId: (row) => String(row.index),
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting)),
    ...SORTING_OPTIONS,
  });

  const headerGroups = table.getHeaderGroups();
  const leaves = table.getAllLeafColumns();
  const infoOf = (id: string): ColumnInfo | undefined => plan.info.get(id);
  const filteredOut = filtered.length !== values.length;

  return (
    <div className="result-table-wrap">
      {filteredOut && (
        <p className="result-count" role="status">
          {filtered.length.toLocaleString('en-US')} of {plural(values.length, 'row')}
        </p>
      )}
      <div className="result-table-scroll">
        <table className="result-table" data-skip-target={withAction ? undefined : true} tabIndex={withAction ? undefined : -1}>
          {caption && <caption>{caption}</caption>}
          <thead>
            {headerGroups.map((group, depth) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const info = infoOf(header.column.id);
                  const isLeafRow = depth === headerGroups.length - 1;
                  if (!isLeafRow) {
                    const isContext = header.column.id === 'group:context' && !header.isPlaceholder;
                    return header.isPlaceholder || header.column.id === 'group:result' ? (
                      <td key={header.id} colSpan={header.colSpan} className="header-spacer" />
                    ) : (
                      <th key={header.id} scope="colgroup" colSpan={header.colSpan} className={isContext ? 'context-group' : undefined}>
                        {contextLabel}
                        {extraColumns?.loading && <span className="muted"> (loading…)</span>}
                      </th>
                    );
                  }
                  if (info?.kind === 'result') {
                    return (
                      <SortHeader
                        key={header.id}
                        header={header}
                        name={info.column.name}
                        type={info.column.type}
                        numeric={isNumeric(info.column.type)}
                        sortCount={sorting.length}
                        width={widths[header.column.id]}
                        onResize={(w) => setWidth(header.column.id, w)}
                      />
                    );
                  }
                  if (info?.kind === 'context') {
                    return (
                      <th key={header.id} scope="col" className={`context-cell sizable${isNumeric(info.column.type) ? ' num' : ''}`} style={widthStyle(widths[header.column.id])}>
                        <span className="column-name">{info.column.name}</span> <span className="column-type">{info.column.type}</span>
                        <ResizeHandle name={info.column.name} width={widths[header.column.id]} onResize={(w) => setWidth(header.column.id, w)} />
                      </th>
                    );
                  }
                  if (info?.kind === 'context-pending') {
                    return (
                      <th key={header.id} scope="col" className="context-cell">
                        <span className="visually-hidden">{contextLabel}</span>
                      </th>
                    );
                  }
                  return (
                    <th key={header.id} scope="col" className="action-cell">
                      <span className="visually-hidden">Drill down</span>
                    </th>
                  );
                })}
              </tr>
            ))}
            <tr className="filter-row">
              {leaves.map((column) => {
                const info = infoOf(column.id);
                if (info?.kind !== 'result') return <td key={column.id} className={info?.kind === 'action' ? 'action-cell' : 'context-cell'} style={widthStyle(widths[column.id])} />;
                return (
                  <td key={column.id} style={widthStyle(widths[column.id])}>
                    <FilterInput column={info.column.name} type={info.column.type} value={filters[info.column.name] ?? ''} onCommit={(v) => onFiltersChange((latest) => withFilter(latest, info.column.name, v))} />
                  </td>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row, position) => {
              const view = row.original;
              const context = extraColumns?.valuesFor(view.index);
              const highlighted = view.index === highlightRow;
              return (
                <tr key={row.id} data-row-index={view.index} className={highlighted ? 'row-highlight' : undefined} aria-current={highlighted ? 'true' : undefined}>
                  {leaves.map((column) => (
                    <BodyCell key={column.id} info={infoOf(column.id)} view={view} context={context} rowAction={rowAction} loading={extraColumns?.loading === true} first={position === 0} width={widths[column.id]} actions={actions} />
                  ))}
                </tr>
              );
            })}
            {order.length === 0 && (
              <tr>
                <td colSpan={leaves.length} className="muted empty-result">
                  {values.length === 0 ? 'No rows.' : 'No rows match the filters.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

interface BodyCellProps {
  info: ColumnInfo | undefined;
  view: RowView;
  context: readonly EsqlValue[] | undefined;
  rowAction: ResultTableProps['rowAction'];
  loading: boolean;
  /** The first row shown: its link is where "Skip to results" lands. */
  first: boolean;
  /** The column's width set by hand, if any. */
  width: number | undefined;
  actions: CellActionsByKind | undefined;
}

/** Result cells filter through the table's own filter boxes; context cells have none, only copy and pivots. */
interface CellActionsByKind {
  result: CellActionsConfig;
  context: CellActionsConfig;
}

function cellClass(base: string | undefined, actions: CellActionsByKind | undefined): string | undefined {
  if (!actions) return base;
  return base ? `${base} has-cell-actions` : 'has-cell-actions';
}

function BodyCell({ info, view, context, rowAction, loading, first, width, actions }: BodyCellProps) {
  if (info === undefined) return <td />;
  switch (info.kind) {
    case 'action': {
      const action = rowAction?.(view.index);
      return (
        <td className="action-cell">
          {action && (
            <a href={action.href} className="row-action" data-skip-target={first || undefined}>
              {action.label}
              <span className="visually-hidden"> for {action.description}</span>
            </a>
          )}
        </td>
      );
    }
    case 'result':
      return (
        <td className={cellClass(isNumeric(info.column.type) ? 'num' : undefined, actions)} style={widthStyle(width)}>
          <CellValue value={view.cells[info.index] ?? null} type={info.column.type} />
          {actions && <CellActions field={info.column.name} type={info.column.type} value={view.cells[info.index] ?? null} config={actions.result} />}
        </td>
      );
    case 'context':
    case 'context-pending': {
      if (context === undefined || info.kind === 'context-pending') {
        return <td className="context-cell muted" style={widthStyle(width)}>{loading ? <span aria-label="Loading">…</span> : <span title={NO_CONTEXT}>n/a</span>}</td>;
      }
      return (
        <td className={cellClass(`context-cell${isNumeric(info.column.type) ? ' num' : ''}`, actions)} style={widthStyle(width)}>
          <CellValue value={context[info.index] ?? null} type={info.column.type} />
          {actions && <CellActions field={info.column.name} type={info.column.type} value={context[info.index] ?? null} config={actions.context} />}
        </td>
      );
    }
  }
}

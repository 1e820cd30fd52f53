// The sort state machine ResultTable gets from TanStack with SORTING_OPTIONS, driven headlessly.
import { constructTable, functionalUpdate, tableFeatures, type SortingState } from '@tanstack/react-table';
import { storeReactivityBindings } from '@tanstack/table-core/store-reactivity-bindings';
import { describe, expect, it } from 'vitest';
import { planColumns, SORTING_OPTIONS, tableFeatureSet, type RowView } from './columns';

const columns = [
  { name: 'connection_count', type: 'long' },
  { name: 'process.name', type: 'keyword' },
];
// Outside React, the table needs the store-based reactivity the React adapter otherwise supplies.
const features = tableFeatures({ ...tableFeatureSet, coreReactivityFeature: storeReactivityBindings() });
const data: RowView[] = [{ index: 0, cells: [3, 'curl'] }];

/** Clicks a header with the given sorting; returns the sorting the table asks for. */
function click(sorting: SortingState, id: string, shiftKey = false): SortingState {
  let next: SortingState = sorting;
  const table = constructTable({
    features,
    columns: planColumns(columns, [], 'Context', true).defs,
    data,
    getRowId: (row: RowView) => String(row.index),
    state: { sorting },
    onSortingChange: (u) => {
      next = functionalUpdate(u, sorting);
    },
    ...SORTING_OPTIONS,
  });
  const column = table.getColumn(id);
  if (!column) throw new Error(`no column ${id}`);
  column.getToggleSortingHandler()?.({ shiftKey });
  return next;
}

describe('ResultTable sort interaction', () => {
  it('cycles asc → desc → none, numbers included', () => {
    const asc = click([], 'connection_count');
    expect(asc).toEqual([{ id: 'connection_count', desc: false }]);
    const desc = click(asc, 'connection_count');
    expect(desc).toEqual([{ id: 'connection_count', desc: true }]);
    expect(click(desc, 'connection_count')).toEqual([]);
  });
  it('replaces the sort on a plain click and adds a secondary key on shift-click', () => {
    const first = [{ id: 'connection_count', desc: true }];
    expect(click(first, 'process.name')).toEqual([{ id: 'process.name', desc: false }]);
    expect(click(first, 'process.name', true)).toEqual([...first, { id: 'process.name', desc: false }]);
  });
  it('does not sort the context or drill-down columns', () => {
    const table = constructTable({ features, columns: planColumns(columns, [{ name: 'host_names', type: 'keyword' }], 'Context', true).defs, data, state: { sorting: [] }, ...SORTING_OPTIONS });
    expect(table.getColumn('context:host_names')?.getCanSort()).toBe(false);
    expect(table.getColumn('__row_action')?.getCanSort()).toBe(false);
    expect(table.getColumn('process.name')?.getCanSort()).toBe(true);
  });
});

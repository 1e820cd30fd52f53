'use client';
/**
 * Every field of a result beside its table: searchable, each expandable to its five most frequent
 * values with counts and bars; per value filter for / filter out, per field add or remove it as a
 * column. Collapsible, so a narrow screen keeps the table's width. Values are shown escaped, as text.
 */
import { useId, useMemo, useState } from 'react';
import type { EsqlColumn, EsqlScalar, EsqlValue } from '@/lib/model/esql';
import { matchesColumnSearch } from '@/lib/view/events/columns';
import { inertText, truncate } from '@/lib/view/events/display-text';
import { fieldStats } from '@/lib/view/events/field-stats';

export interface FieldSidebarProps {
  columns: EsqlColumn[];
  values: EsqlValue[][];
  /** The columns the table shows. */
  visibleColumns: readonly string[];
  onToggleColumn: (name: string, visible: boolean) => void;
  /** Filter for / out; absent where the result cannot be filtered. */
  onFilter?: (field: string, value: EsqlScalar, negate: boolean) => void;
  defaultCollapsed?: boolean;
}

const shownValue = (v: EsqlScalar) => truncate(inertText(String(v)), 60);

export function FieldSidebar({ columns, values, visibleColumns, onToggleColumn, onFilter, defaultCollapsed = false }: FieldSidebarProps) {
  const [collapsed, setCollapsed] = useState(defaultCollapsed);
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const listId = useId();
  // Counted only while the sidebar is open: 10,000 rows × every column is work a closed panel does not need.
  const stats = useMemo(() => (collapsed ? [] : fieldStats(columns, values)), [collapsed, columns, values]);
  const visible = new Set(visibleColumns);
  const shown = stats.filter((s) => matchesColumnSearch(s.name, search));
  const total = values.length;

  const toggleExpanded = (name: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <aside className={`field-sidebar${collapsed ? ' collapsed' : ''}`} aria-label="Fields">
      <div className="field-sidebar-head">
        {!collapsed && <h3>Fields ({columns.length})</h3>}
        <button type="button" className="field-sidebar-toggle" aria-expanded={!collapsed} aria-controls={listId} onClick={() => setCollapsed((c) => !c)}>
          {collapsed ? 'Fields ▸' : '◂ Hide'}
        </button>
      </div>
      {!collapsed && (
        <div id={listId}>
          <input type="search" aria-label="Search fields" placeholder="Search field names" value={search} onChange={(e) => setSearch(e.target.value)} />
          {shown.length === 0 && <p className="muted">No field matches.</p>}
          <ul>
            {shown.map((s) => {
              const open = expanded.has(s.name);
              const isColumn = visible.has(s.name);
              const name = inertText(s.name);
              return (
                <li key={s.name} className="field-sidebar-field">
                  <div className="field-sidebar-row">
                    <button type="button" className="field-sidebar-name" aria-expanded={open} onClick={() => toggleExpanded(s.name)} title={`${name} (${s.type}): show its top values`}>
                      {open ? '▾' : '▸'} {name}
                    </button>
                    <span className="field-sidebar-type">{s.type}</span>
                    <button
                      type="button"
                      className="field-sidebar-toggle"
                      aria-pressed={isColumn}
                      aria-label={isColumn ? `Remove ${name} column` : `Add ${name} as column`}
                      onClick={() => onToggleColumn(s.name, !isColumn)}
                    >
                      {isColumn ? '−' : '+'}
                    </button>
                  </div>
                  {open && (
                    <div className="field-sidebar-values">
                      <p className="muted">
                        In {s.present.toLocaleString('en-US')} of {total.toLocaleString('en-US')} rows
                        {s.nulls > 0 ? `; ${s.nulls.toLocaleString('en-US')} without a value` : ''}
                        {s.approximate ? '; many distinct values, counts of the first ones seen' : ''}
                      </p>
                      <ul aria-label={`Top values of ${name}`}>
                        {s.top.map((t, i) => (
                          <li key={i} className="field-sidebar-value">
                            <span className="field-sidebar-value-text" title={inertText(String(t.value))}>
                              {shownValue(t.value)}
                            </span>
                            <span className="field-sidebar-count">{t.count.toLocaleString('en-US')}</span>
                            {onFilter && (
                              <>
                                <button type="button" aria-label={`Filter for ${name} ${shownValue(t.value)}`} title="Filter for value" onClick={() => onFilter(s.name, t.value, false)}>
                                  +
                                </button>
                                <button type="button" aria-label={`Filter out ${name} ${shownValue(t.value)}`} title="Filter out value" onClick={() => onFilter(s.name, t.value, true)}>
                                  −
                                </button>
                              </>
                            )}
                            <span className="field-sidebar-bar" aria-hidden="true">
                              <span style={{ width: `${total === 0 ? 0 : Math.max(2, Math.round((t.count / total) * 100))}%` }} />
                            </span>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </aside>
  );
}

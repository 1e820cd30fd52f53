'use client';
/**
 * The drill-down's active filters as removable chips above the table: `destination.ip: 10.0.0.1`,
 * `NOT host.name: web-1`. Values are attacker-controlled: shown escaped, as text.
 */
import type { EventFilter } from '@/lib/model/api';
import { inertText } from '@/lib/view/events/display-text';

export interface FilterChipsProps {
  filters: readonly EventFilter[];
  onRemove: (index: number) => void;
  onClear: () => void;
}

function valueLabel(value: EventFilter['value']): string {
  return value === null ? '(no value)' : inertText(String(value));
}

export function FilterChips({ filters, onRemove, onClear }: FilterChipsProps) {
  if (filters.length === 0) return null;
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {filters.map((f, i) => {
        const text = `${f.negate ? 'NOT ' : ''}${inertText(f.field)}: ${valueLabel(f.value)}`;
        return (
          <li key={`${i}:${f.field}`} className={`filter-chip${f.negate ? ' filter-chip-negated' : ''}`}>
            {f.negate && <span className="filter-chip-not">NOT</span>}
            <span className="filter-chip-field">{inertText(f.field)}:</span>
            <span className="filter-chip-value" title={valueLabel(f.value)}>
              {valueLabel(f.value)}
            </span>
            <button type="button" aria-label={`Remove filter ${text}`} onClick={() => onRemove(i)}>
              ×
            </button>
          </li>
        );
      })}
      {filters.length > 1 && (
        <li>
          <button type="button" className="button" onClick={onClear}>
            Clear filters
          </button>
        </li>
      )}
    </ul>
  );
}

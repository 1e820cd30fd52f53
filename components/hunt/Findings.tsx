'use client';
/** Lint findings of a hunt query, with the safer variant when there is one. */
import type { ApiFinding } from '@/lib/model/api';

export function Findings({ findings, variantOn, onVariant }: { findings: ApiFinding[]; variantOn: boolean; onVariant: (on: boolean) => void }) {
  if (findings.length === 0) return null;
  return (
    <section className="findings" aria-label="Query findings">
      <h3>Findings about this query</h3>
      <ul>
        {findings.map((f) => (
          <li key={`${f.code}-${f.line}-${f.column}`} className={`finding finding-${f.severity}`}>
            <span className="finding-severity">{f.severity === 'warning' ? 'Warning' : 'Note'}</span>{' '}
            <span className="muted">
              line {f.line}:{f.column}
            </span>{' '}
            {f.message}
            {f.variant && (
              <div className="variant">
                <label>
                  <input type="checkbox" checked={variantOn} onChange={(e) => onVariant(e.target.checked)} /> Run the variant instead:{' '}
                  <strong>{f.variant.label}</strong>
                </label>
                <span className="muted"> (a rewrite by Huntboard, not the hunt as published)</span>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

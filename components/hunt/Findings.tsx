'use client';
/**
 * Lint findings of a hunt query, folded to one line ("2 findings: LIMIT before SORT, …"), with the
 * safer variant when there is one. Open while the variant runs, so what ran is never hidden.
 */
import type { ApiFinding } from '@/lib/model/api';
import { plural } from '@/lib/view/text/plural';

const TITLES: Record<ApiFinding['code'], string> = {
  'limit-before-sort': 'LIMIT before SORT',
  'hardcoded-time-window': 'hard-coded time window',
  'no-limit': 'no LIMIT',
  'possibly-truncated': 'result as long as its LIMIT',
};

export function Findings({ findings, variantOn, onVariant }: { findings: ApiFinding[]; variantOn: boolean; onVariant: (on: boolean) => void }) {
  if (findings.length === 0) return null;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <section className="findings" aria-label="Query findings">
      <details className="fold" open={variantOn || undefined}>
        <summary>
          <span className={`fold-label${warnings > 0 ? ' finding-warning' : ''}`}>
            {plural(findings.length, 'finding')}
            {warnings > 0 && <span className="finding-severity"> ({plural(warnings, 'warning')})</span>}:
          </span>
          <span className="fold-line">
            {[...new Set(findings.map((f) => TITLES[f.code]))].join(', ')}
            {variantOn && ' · running the SORT-before-LIMIT variant'}
          </span>
        </summary>
        <ul className="fold-body">
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
      </details>
    </section>
  );
}

'use client';
/**
 * The query's named params, one `?name = value` row each. A value is JSON (`5`, `true`,
 * `["a","b"]`, `"text"`) or else the text as typed; values never enter the query's text.
 */
import { useId } from 'react';
import type { ParamRow } from '@/lib/view/explore/params';

export interface ParamsEditorProps {
  rows: ParamRow[];
  onChange: (rows: ParamRow[]) => void;
  /** The row a problem belongs to, and the problem. */
  problem?: { row: number; message: string };
}

export function ParamsEditor({ rows, onChange, problem }: ParamsEditorProps) {
  const ids = useId();
  const set = (i: number, edit: Partial<ParamRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...edit } : r)));
  return (
    <fieldset className="explore-params">
      <legend>Params</legend>
      {rows.length === 0 && <p className="muted">None. Write <code>?name</code> in the query and give it a value here.</p>}
      {rows.map((row, i) => (
        <div key={i} className="explore-param">
          <label>
            <span className="visually-hidden">Param {i + 1} name</span>
            <span aria-hidden="true">?</span>
            <input
              type="text"
              value={row.name}
              size={12}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={problem?.row === i || undefined}
              aria-describedby={problem?.row === i ? `${ids}-problem` : undefined}
              onChange={(e) => set(i, { name: e.target.value })}
            />
          </label>
          <span aria-hidden="true">=</span>
          <label>
            <span className="visually-hidden">Param {i + 1} value</span>
            <input type="text" value={row.value} size={28} spellCheck={false} autoComplete="off" onChange={(e) => set(i, { value: e.target.value })} />
          </label>
          <button type="button" className="button" aria-label={`Remove param ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...rows, { name: '', value: '' }])}>
        Add param
      </button>
      {problem && (
        <p className="error" id={`${ids}-problem`} role="alert">
          {problem.message}
        </p>
      )}
    </fieldset>
  );
}

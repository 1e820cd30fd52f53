'use client';
/**
 * CSV and JSON downloads of a result. `values` are the rows as shown (filtered and sorted by the
 * table); when `allValues` holds more, a second pair exports the whole result. The CSV is the table
 * as shown, extra (context) columns included; the JSON keeps the query's own `_query` answer.
 */
import type { EsqlColumn, EsqlValue } from '@/lib/model/esql';
import { toCsv } from '@/lib/view/export/csv';
import { exportFileName, type ExportFormat } from '@/lib/view/export/file-name';
import { toQueryJson } from '@/lib/view/export/json';
import { withExtraColumns, type ExtraExportColumns } from '@/lib/view/export/table-columns';
import { plural } from '@/lib/view/text/plural';

export interface ExportButtonsProps {
  columns: EsqlColumn[];
  /** The rows to export: those the table shows, in its order. */
  values: EsqlValue[][];
  /** The whole result, when it differs from `values` (a filter is active). */
  allValues?: EsqlValue[][];
  /** Base of the file name, e.g. `low_volume_external_network_connections-q1-2026-01-08`; an extension is replaced. */
  fileName: string;
  took?: number;
  isPartial?: boolean;
  /** Columns the table shows beside the result (the hunt's context), added to the CSV. */
  extraColumns?: ExtraExportColumns;
}

const MIME: Record<ExportFormat, string> = { csv: 'text/csv;charset=utf-8', json: 'application/json' };

function download(text: string, name: string, format: ExportFormat): void {
  const url = URL.createObjectURL(new Blob([text], { type: MIME[format] }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next task: some browsers start the download after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ExportButtons({ columns, values, allValues, fileName, took = 0, isPartial = false, extraColumns }: ExportButtonsProps) {
  const csvOf = (rows: EsqlValue[][]) => {
    const table = withExtraColumns(columns, rows, extraColumns);
    return toCsv(table.columns, table.values);
  };
  const save = (rows: EsqlValue[][], format: ExportFormat, suffix?: string) => {
    const text = format === 'csv' ? csvOf(rows) : toQueryJson({ columns, values: rows, took, is_partial: isPartial });
    download(text, exportFileName(fileName, format, suffix), format);
  };
  const showAll = allValues !== undefined && allValues.length !== values.length;
  const shown = showAll ? plural(values.length, 'shown row') : plural(values.length, 'row');
  return (
    <div className="export-buttons" role="group" aria-label="Export">
      <span className="muted">Export {shown}:</span>
      <button type="button" className="button" aria-label={`Export ${shown} as CSV`} onClick={() => save(values, 'csv')}>
        CSV
      </button>
      <button type="button" className="button" aria-label={`Export ${shown} as JSON`} onClick={() => save(values, 'json')}>
        JSON
      </button>
      {showAll && (
        <>
          <span className="muted">all {plural(allValues.length, 'row')}:</span>
          <button type="button" className="button" aria-label="Export all rows as CSV" onClick={() => save(allValues, 'csv', 'all')}>
            CSV
          </button>
          <button type="button" className="button" aria-label="Export all rows as JSON" onClick={() => save(allValues, 'json', 'all')}>
            JSON
          </button>
        </>
      )}
    </div>
  );
}

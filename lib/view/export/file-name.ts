/**
 * Download file names. Hunt ids come from hunt files: anything outside a conservative set
 * becomes `_`, so a name cannot carry a path, a control character or a misleading extension.
 */

export type ExportFormat = 'csv' | 'json';

export function exportFileName(base: string, format: ExportFormat, suffix?: string): string {
  const stem = base.replace(/\.(csv|json)$/i, '');
  const safe = `${stem}${suffix ? `-${suffix}` : ''}`.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[.]+/, '') || 'export';
  return `${safe.slice(0, 180)}.${format}`;
}

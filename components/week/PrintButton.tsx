'use client';
/** The browser's print dialog; the page's print styles (app/week/week.css) make it a clean report. */
export function PrintButton() {
  return (
    <button type="button" className="button no-print" onClick={() => window.print()}>
      Print
    </button>
  );
}

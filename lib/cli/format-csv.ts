// Moved to lib/view/export/csv.ts (shared with the web UI's export).
export { toCsv } from '../view/export/csv';

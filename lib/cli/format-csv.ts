// Moved to lib/export/csv.ts (shared with the web UI's export).
export { toCsv } from '../export/csv';

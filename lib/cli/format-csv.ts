// Moved to lib/view/export/csv.ts (shared with the web UI's export).
import 'server-only';

export { toCsv } from '../view/export/csv';

// Moved to lib/view/text/escape.ts (shared with the web UI); kept so CLI imports stay short.
import 'server-only';

export { escapeVisible, escapeVisibleKeepNewlines, escapeJsonText } from '../view/text/escape';

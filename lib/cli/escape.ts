// Moved to lib/text/escape.ts (shared with the web UI); kept so CLI imports stay short.
export { escapeVisible, escapeVisibleKeepNewlines, escapeJsonText } from '../text/escape';

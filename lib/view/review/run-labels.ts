/**
 * How the review names where a run came from and when. Every saved run is a run of record:
 * 'page' is an explicit "Save as run" on the hunt page, never a page view (issue 14).
 */
const TRIGGERS: Record<string, string> = {
  page: 'saved from the page',
  cli: 'saved by hunts run --save',
  schedule: 'weekly schedule',
};

export function triggerLabel(trigger: string): string {
  return TRIGGERS[trigger] ?? trigger;
}

/** `2026-01-05T09:00:12.345Z` → `2026-01-05 09:00 UTC`: the minute a reader compares runs by. */
export function utcMinute(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

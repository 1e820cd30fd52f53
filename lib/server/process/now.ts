/** The server's notion of now: HUNTBOARD_NOW when pinned (demo data, tests), else the clock. */
import 'server-only';

export function serverNow(env: Record<string, string | undefined> = process.env): Date {
  const pinned = env.HUNTBOARD_NOW?.trim();
  if (pinned) {
    const ms = Date.parse(pinned);
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return new Date();
}

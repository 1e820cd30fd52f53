/**
 * Next.js calls this once when the server starts, before it answers a request: the access decision
 * is made now (or checked, when Huntboard's HTTP server already made it), so no request ever sees
 * the accounts of a later moment; then the weekly schedule starts in the server process.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { publishedAccess } = await import('./lib/auth/server-access');
  const started = publishedAccess() !== undefined;
  const { AccessSettingsError, serverAccess } = await import('./lib/server/access');
  try {
    const access = serverAccess();
    if (!started) {
      for (const line of access.notices) console.log(line);
      for (const line of access.warnings) console.error(line);
    }
  } catch (e) {
    if (!(e instanceof AccessSettingsError)) throw e;
    // Refusing to start is the point: serving with a setting read as "unset" is how a server opens up.
    console.error(e.message);
    process.exit(1);
  }
  const { startScheduler } = await import('./lib/server/scheduler');
  startScheduler();
}

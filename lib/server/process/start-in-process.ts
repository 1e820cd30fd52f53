/**
 * What instrumentation.ts runs in the Node.js server process before the first request: the access
 * decision made now (or checked, when Huntboard's HTTP server already made it), so no request ever
 * sees the accounts of a later moment; then the weekly schedule. Kept out of instrumentation.ts,
 * which Next also compiles for the Edge runtime, where `process.exit` does not exist.
 */
import 'server-only';
import { publishedAccess } from '../../auth/server-access';
import { AccessSettingsError, serverAccess } from './access';
import { startScheduler } from './scheduler';

export function startInProcess(): void {
  const started = publishedAccess() !== undefined;
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
  startScheduler();
}

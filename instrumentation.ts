/** Next.js calls this once when the server starts: the weekly schedule lives in the server process. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduler } = await import('./lib/server/scheduler');
  startScheduler();
}

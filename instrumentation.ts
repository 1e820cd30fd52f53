/** Next.js calls this once when the server starts, before it answers a request (lib/server/process/start-in-process.ts). */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startInProcess } = await import('./lib/server/process/start-in-process');
  startInProcess();
}

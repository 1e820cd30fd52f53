/** Test helper: how long a piece of work held the event loop (the bundle tests' responsiveness checks). */

/** The longest gap between 5 ms ticks while `work` runs: how long the event loop was held. */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    return { value, stallMs };
  } finally {
    clearInterval(probe);
  }
}

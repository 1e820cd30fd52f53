/**
 * Test-only: how many cases each fuzz property runs. Small by default so `npm test` stays fast;
 * `FUZZ_RUNS=100000` (the lead's `npm run test:fuzz`) turns the same properties into a long fuzz.
 */
export function fuzzRuns(defaultRuns = 300): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : defaultRuns;
}

/** A per-test timeout that grows with the run count (the long fuzz must not hit vitest's 5 s default). */
export function fuzzTimeout(msPerRun: number, minimumMs = 30_000): number {
  return Math.max(minimumMs, Math.ceil(fuzzRuns() * msPerRun));
}

/** fast-check's seed, fixed unless FUZZ_SEED says otherwise, so a failure reproduces. */
export function fuzzSeed(defaultSeed: number): number {
  const n = Number(process.env.FUZZ_SEED);
  return Number.isInteger(n) ? n : defaultSeed;
}

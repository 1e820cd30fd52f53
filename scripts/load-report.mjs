// Latency bookkeeping and the Markdown report of the load test.

export const KINDS = ['page', 'run', 'context', 'events', 'event'];
/** What the one heavy user does while the others work: open the largest run, import a big bundle. */
export const HEAVY_KINDS = ['run-page', 'import'];
/** The others' p95 with the heavy user beside them may be at most this many times their p95 without. */
export const MAX_P95_RATIO = 2;

/** Nearest-rank percentile of sorted values: p99 of 100 values is the 99th, never an interpolation. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function collectLatency(kinds = KINDS) {
  const byKind = new Map(kinds.map((k) => [k, []]));
  const errorsByKind = new Map(kinds.map((k) => [k, 0]));
  const errors = [];
  return {
    record(kind, ms, error) {
      byKind.get(kind).push(ms);
      if (error !== undefined) {
        errorsByKind.set(kind, errorsByKind.get(kind) + 1);
        errors.push(error);
      }
    },
    summary() {
      const rows = kinds.map((kind) => summarise(kind, byKind.get(kind), errorsByKind.get(kind)));
      const all = kinds.flatMap((k) => byKind.get(k));
      rows.push(summarise('all', all, errors.length));
      return rows;
    },
    errors: () => [...errors],
  };
}

function summarise(kind, values, errors) {
  const sorted = [...values].sort((a, b) => a - b);
  return { kind, requests: values.length, errors, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

const ms = (v) => (Number.isNaN(v) ? '–' : v.toFixed(1));
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

const table = (rows) => [
  '| kind | requests | errors | p50 ms | p95 ms | p99 ms | max ms |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map((x) => `| ${x.kind} | ${x.requests} | ${x.errors} | ${ms(x.p50)} | ${ms(x.p95)} | ${ms(x.p99)} | ${ms(x.max)} |`),
];

/**
 * The others' p95 per kind with the heavy user beside them, against the same kinds without it; the
 * verdict is on all requests together.
 */
export function compareP95(quiet, busy) {
  const before = new Map(quiet.summary().map((x) => [x.kind, x]));
  const rows = busy.summary().map((x) => ({ kind: x.kind, quiet: before.get(x.kind)?.p95 ?? NaN, busy: x.p95, ratio: x.p95 / (before.get(x.kind)?.p95 ?? NaN) }));
  const all = rows.at(-1);
  return { rows, ratio: all.ratio, ok: all.ratio <= MAX_P95_RATIO };
}

/** The second phase: the same users with one heavy user beside them, and the comparison with the first. */
export function heavyUserReport(r) {
  const cmp = compareP95(r.quiet, r.busy);
  return [
    `## The same ${r.users} users for ${r.seconds} s while one more user opens the largest run (${r.bigRunFindings} findings) and imports a bundle of ${r.importFindings} findings`,
    '',
    ...table(r.busy.summary()),
    '',
    'The heavy user:',
    '',
    ...table(r.heavy.summary()),
    '',
    '| kind | p95 without the heavy user ms | p95 with it ms | ratio |',
    '|---|---:|---:|---:|',
    ...cmp.rows.map((x) => `| ${x.kind} | ${ms(x.quiet)} | ${ms(x.busy)} | ${Number.isNaN(x.ratio) ? '–' : `${x.ratio.toFixed(2)}×`} |`),
    '',
    `- verdict: the others' p95 with the heavy user is ${cmp.ratio.toFixed(2)}× their p95 without it (at most ${MAX_P95_RATIO}×): ${cmp.ok ? 'pass' : 'FAIL'}`,
    `- server RSS in this phase: peak ${mib(r.rss.peak)}`,
    '',
  ].join('\n');
}

export function markdownReport(r) {
  const rows = r.stats.summary();
  const total = rows.at(-1);
  const lines = [
    `# Load test ${r.date}`,
    '',
    `${r.machine}; \`scripts/serve.mjs\` (the production build) on 127.0.0.1 over the embedded engine; demo store at scale ${r.scale.toFixed(3)}` +
      ` (${r.networkEvents ?? '?'} network events); ${r.users} virtual users for ${r.seconds} s (${r.elapsedS.toFixed(1)} s measured),` +
      ' each looping hunt page → run (query 1 or 2) → context → drill-down (kworkerds) → one event.',
    ...(r.buildStale ? ['', '**The production build (.next) was older than the sources: these figures are for that build.**'] : []),
    '',
    ...table(rows),
    '',
    `- throughput: ${(total.requests / r.elapsedS).toFixed(1)} requests/s (${(rows[1].requests / r.elapsedS).toFixed(1)} runs/s)`,
    `- server RSS (with child processes, sampled every 500 ms, ${r.rss.count} samples): start ${mib(r.rss.start)}, peak ${mib(r.rss.peak)}, end ${mib(r.rss.end)}`,
    r.flight
      ? `- shared executions: ${r.flight.calls} backend query calls served by ${r.flight.executions} executions (${r.flight.calls - r.flight.executions} joined one already running)`
      : '- shared executions: no counters from the server (its build predates lib/server/process/single-flight.ts)',
    `- warm-up errors: ${r.warmErrors.length}`,
    '',
  ];
  return lines.join('\n');
}

/**
 * Test fixture: large, valid bundles built in memory (one run of N findings, optionally triage
 * and events), for the limits and responsiveness tests and the import measurements.
 */
import { BUNDLE_FORMAT, BUNDLE_VERSION, encodeBundle, type Bundle, type BundleEvents, type BundleHistoryEntry, type BundleTriage } from '../format';

export interface BigBundleShape {
  findings: number;
  triage?: number;
  eventFindings?: number;
  /** Makes the file's digest unique, so one fixture imports once per state. */
  tag?: string;
  /** The hunt the run is filed under (default a fixture hunt of its own). */
  huntId?: string;
}

const HUNT = 'big_hunt';

export const keyOf = (i: number) => JSON.stringify([`proc-${i}.exe`, `agent-${i % 97}`]);

export function bigBundle(shape: BigBundleShape): Bundle {
  const values: (string | number)[][] = [];
  for (let i = 0; i < shape.findings; i++) values.push([`proc-${i}.exe`, `agent-${i % 97}`, 1 + (i % 5)]);
  const triage: BundleTriage[] = [];
  const history: BundleHistoryEntry[] = [];
  const huntId = shape.huntId ?? HUNT;
  for (let i = 0; i < (shape.triage ?? 0); i++) {
    const ref = { huntId, queryNumber: 1, findingKey: keyOf(i) };
    triage.push({ ...ref, status: 'benign', assignee: null, note: '', version: 1, updatedAt: '2026-01-06T10:00:00.000Z', updatedBy: 'ana' });
    history.push({ ...ref, at: '2026-01-06T10:00:00.000Z', who: 'ana', fromStatus: null, toStatus: 'benign', fromAssignee: null, toAssignee: null, note: '' });
  }
  const events: BundleEvents[] = [];
  for (let i = 0; i < (shape.eventFindings ?? 0); i++) {
    events.push({ runId: 1, findingKey: keyOf(i), columns: [{ name: 'process.name', type: 'keyword' }], values: [[`proc-${i}.exe`]], truncated: false });
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: '2026-01-08T12:00:00.000Z',
    week: { start: '2026-01-05T00:00:00.000Z', end: '2026-01-12T00:00:00.000Z' },
    source: { backendLabel: `fixture ${shape.tag ?? ''}`.trim() },
    baselines: [],
    firstSeen: [],
    allowList: [],
    signOff: null,
    runs: [
      {
        id: 1,
        huntId,
        queryNumber: 1,
        queryText: 'FROM logs-* | STATS c = COUNT(*) BY process.name, agent.id',
        queryHash: 'x',
        params: [],
        window: { id: 'hunt' },
        backend: { kind: 'embedded', label: 'fixture' },
        trigger: 'schedule',
        startedAt: '2026-01-06T06:00:00.000Z',
        durationMs: 10,
        rowCount: shape.findings,
        status: 'ok',
        columns: [
          { name: 'process.name', type: 'keyword' },
          { name: 'agent.id', type: 'keyword' },
          { name: 'c', type: 'long' },
        ],
        values,
        warnings: [],
        truncated: false,
        isPartial: false,
      },
    ],
    triage,
    history,
    events,
  };
}

export function bigBundleBytes(shape: BigBundleShape): Buffer {
  return encodeBundle(bigBundle(shape));
}

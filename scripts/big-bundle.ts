/**
 * A bundle holding one run of the seed hunt with N findings (default 1,000,000) and triage for a
 * share of them: what an outside tester imported to freeze the server (issue 13). Used by the
 * big-run end-to-end suite and the load test; run it as
 * `tsx scripts/big-bundle.ts OUT [FINDINGS] [TRIAGED] [LABEL]` (a label of its own makes another file).
 */
import { writeFileSync } from 'node:fs';
import { loadCatalogue } from '../lib/hunts/catalogue';
import { queryHash } from '../lib/appstate/runs';
import { encodeBundle, type Bundle } from '../lib/bundle/format';

const WEEK = { start: '2026-01-05T00:00:00.000Z', end: '2026-01-12T00:00:00.000Z' };
const STARTED = '2026-01-07T06:00:00.000Z';

export async function bigBundle(findings: number, triaged: number, label = 'big-bundle fixture'): Promise<Bundle> {
  const catalogue = await loadCatalogue({ huntsDir: '' });
  const hunt = catalogue.hunts.find((h) => h.id.startsWith('low_volume_external'));
  if (!hunt) throw new Error('the seed hunt is missing from the catalogue');
  const queryText = hunt.queries[0].text;
  const values: (string | number)[][] = [];
  // Names unique per finding; the counts cycle through what the hunt's WHERE lets through.
  for (let i = 0; i < findings; i++) values.push([(i % 5) + 1, 1, `rare-proc-${i.toString(36).padStart(5, '0')}`]);
  const triage: Bundle['triage'] = [];
  for (let i = 0; i < Math.min(triaged, findings); i++) {
    triage.push({
      huntId: hunt.id,
      queryNumber: 1,
      findingKey: JSON.stringify({ 'process.name': values[i][2] }),
      status: i % 2 === 0 ? 'benign' : 'investigating',
      assignee: null,
      note: '',
      version: 1,
      updatedAt: STARTED,
      updatedBy: 'tester',
    });
  }
  return {
    format: 'huntboard-bundle',
    version: 1,
    exportedAt: '2026-01-08T12:00:00.000Z',
    week: WEEK,
    source: { backendLabel: label },
    runs: [
      {
        id: 1,
        huntId: hunt.id,
        queryNumber: 1,
        queryText,
        queryHash: queryHash(queryText),
        params: [],
        window: { id: 'hunt' },
        backend: { kind: 'embedded', label },
        trigger: 'schedule',
        startedAt: STARTED,
        durationMs: 1234,
        rowCount: findings,
        status: 'ok',
        columns: [
          { name: 'connection_count', type: 'long' },
          { name: 'unique_agent_count', type: 'long' },
          { name: 'process.name', type: 'keyword' },
        ],
        values,
        warnings: [],
        truncated: false,
        isPartial: false,
      },
    ],
    triage,
    history: [],
    events: [],
  };
}

async function main(): Promise<void> {
  const [out, findings = '1000000', triaged = '0', label] = process.argv.slice(2);
  if (!out) {
    console.error('usage: tsx scripts/big-bundle.ts OUT [FINDINGS] [TRIAGED] [LABEL]');
    process.exit(2);
  }
  const bytes = encodeBundle(await bigBundle(Number(findings), Number(triaged), label));
  writeFileSync(out, bytes);
  console.log(`${out}: ${Number(findings).toLocaleString('en-US')} findings, ${bytes.length} bytes`);
}

if (process.argv[1]?.endsWith('big-bundle.ts')) void main();

/**
 * Writes a bundle holding one run of N findings (default 1,000,000), filed under the seed hunt, as
 * an outside tester imported to freeze the server (issue 13): the big-run e2e suite and the load
 * test import it. `tsx scripts/big-bundle.ts OUT [FINDINGS] [TRIAGED] [LABEL]` (a label of its own
 * makes another file). The bundle itself is lib/bundle's test fixture.
 */
import { writeFileSync } from 'node:fs';
import { bigBundleBytes } from '../lib/bundle/testing/big-bundle';

const SEED_HUNT = 'low_volume_external_network_connections_from_process';

const [out, findings = '1000000', triaged = '0', label = 'big-bundle'] = process.argv.slice(2);
if (!out) {
  console.error('usage: tsx scripts/big-bundle.ts OUT [FINDINGS] [TRIAGED] [LABEL]');
  process.exit(2);
}
const bytes = bigBundleBytes({ findings: Number(findings), triage: Number(triaged), tag: label, huntId: SEED_HUNT });
writeFileSync(out, bytes);
console.log(`${out}: ${Number(findings).toLocaleString('en-US')} findings, ${bytes.length} bytes`);

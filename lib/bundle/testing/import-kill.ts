/**
 * Child process of the kill test: imports a large bundle into the app state at argv[2], printing
 * "importing" just before; the parent kills it with SIGKILL while the rows are being written.
 */
import { openAppState } from '../../appstate/db';
import { bigBundleBytes } from './big-bundle';
import { importBundleNow } from '../import';

const bytes = bigBundleBytes({ findings: Number(process.argv[3]), triage: 2_000, tag: 'killed' });
const db = openAppState(process.argv[2]);
process.stdout.write('importing\n');
void importBundleNow(db, bytes, { fileName: 'killed.gz', who: 'x', now: new Date('2026-01-09T00:00:00.000Z') }).then((result) => process.stdout.write(`finished ${result.ok}\n`));

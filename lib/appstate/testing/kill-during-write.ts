/**
 * Child process of the durability test: saves runs in a loop, printing each acknowledged id,
 * until the parent kills it with SIGKILL mid-write.
 */
import { openAppState } from '../db';
import { saveRun } from '../runs';

const db = openAppState(process.argv[2]);
const values = Array.from({ length: 2000 }, (_, i) => [i, `process-${i}`]);
for (let i = 0; ; i++) {
  const saved = saveRun(db, {
    huntId: 'h',
    queryNumber: 1,
    queryText: 'FROM x',
    params: [],
    window: { id: 'hunt' },
    backend: { kind: 'embedded', label: 'test' },
    trigger: 'cli',
    startedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
    durationMs: 1,
    status: 'ok',
    columns: [{ name: 'n', type: 'long' }, { name: 'p', type: 'keyword' }],
    values,
    warnings: [],
    truncated: false,
    isPartial: false,
  });
  process.stdout.write(`${saved.id}\n`);
}

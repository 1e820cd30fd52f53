import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../db';
import { MIGRATIONS } from './index';
import { diffSummary } from '../run-diff';
import { findingsPage, NOTHING_HIDDEN } from '../run-diff-read';
import { getRun, queryHash } from '../runs';

const TEXT = 'FROM logs-* | STATS c = COUNT(*) BY process.name';

describe('migration 7: findings one row each', () => {
  it('moves existing runs out of their values_json blob, keys their rows and diffs them', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version < 7));
      const insert = db.prepare(
        `INSERT INTO runs (hunt_id, query_number, query_text, query_hash, params_json, window_id, backend_kind, backend_label, trigger, started_at, duration_ms, status, row_count, columns_json, values_json)
         VALUES ('h', 1, ?, ?, '[]', '7d', 'embedded', 't', 'cli', ?, 1, 'ok', ?, ?, ?)`,
      );
      const columns = JSON.stringify([{ name: 'c', type: 'long' }, { name: 'process.name', type: 'keyword' }]);
      const save = (at: string, rows: unknown[][]) => Number(insert.run(TEXT, queryHash(TEXT), at, rows.length, columns, JSON.stringify(rows)).lastInsertRowid);
      const older = save('2026-01-01T00:00:00Z', [[3, 'sshd'], [1, 'xmrig']]);
      const newer = save('2026-01-08T00:00:00Z', [[4, 'sshd'], [1, 'nc']]);

      expect(migrate(db)).toBe(MIGRATIONS.at(-1)!.version);
      expect(db.prepare('SELECT COUNT(*) FROM runs WHERE values_json <> ?').pluck().get('[]')).toBe(0);
      expect(getRun(db, newer)).toMatchObject({ values: [[4, 'sshd'], [1, 'nc']] });
      expect(db.prepare('SELECT finding_key, process_name FROM run_findings WHERE run_id = ? ORDER BY position').all(older)).toEqual([
        { finding_key: '["sshd"]', process_name: 'sshd' },
        { finding_key: '["xmrig"]', process_name: 'xmrig' },
      ]);
      expect(diffSummary(db, newer)).toEqual({ previousRunId: older, compared: 1, counts: { new: 1, recurring: 1, gone: 1 } });
      const page = findingsPage(db, newer, { statuses: ['new', 'recurring', 'gone'], side: 'shown', hidden: NOTHING_HIDDEN, limit: 10, offset: 0 });
      expect(page.map((f) => [f.status, f.key, f.runsSeen])).toEqual([
        ['new', '["nc"]', 1],
        ['recurring', '["sshd"]', 2],
        ['gone', '["xmrig"]', 1],
      ]);
    } finally {
      db.close();
    }
  });
});

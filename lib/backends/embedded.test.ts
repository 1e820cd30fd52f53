import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend } from './embedded';

const dataDir = mkdtempSync(join(tmpdir(), 'huntboard-embedded-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('embedded backend', () => {
  it('delegates to the engine with the pinned now', async () => {
    const backend = createEmbeddedBackend({ dataDir, now: new Date('2024-05-01T12:00:00Z') });
    try {
      expect(backend.kind).toBe('embedded');
      const result = await backend.query({ query: 'ROW t = NOW()' });
      expect(result).toMatchObject({ ok: true, response: { columns: [{ name: 't', type: 'date' }], values: [['2024-05-01T12:00:00.000Z']] } });
      const described = await backend.describe();
      expect(described).toMatchObject({ ok: true, info: { kind: 'embedded', dataDir } });
    } finally {
      await backend.close();
    }
  });
});

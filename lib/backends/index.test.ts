import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendConfigError, createBackend, resetBackend, resolveBackend } from './index';

afterEach(async () => {
  await resetBackend();
});

describe('backend selection', () => {
  it('uses Elasticsearch when a URL is configured, once per process', () => {
    const env = { ELASTICSEARCH_URL: 'http://127.0.0.1:9' };
    const backend = createBackend(env);
    expect(backend.kind).toBe('elasticsearch');
    expect(createBackend(env)).toBe(backend);
  });

  it('uses the embedded engine otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huntboard-backends-'));
    try {
      const resolved = resolveBackend({ HUNTBOARD_DATA_DIR: dir, HUNTBOARD_NOW: '2024-05-01T00:00:00Z' });
      expect(resolved.ok && resolved.backend.kind).toBe('embedded');
      if (resolved.ok) await resolved.backend.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports configuration errors as data, or throws them at startup', () => {
    expect(resolveBackend({ HUNTBOARD_NOW: 'noon' })).toMatchObject({ ok: false, error: { variable: 'HUNTBOARD_NOW' } });
    expect(() => createBackend({ HUNTBOARD_NOW: 'noon' })).toThrow(BackendConfigError);
  });
});

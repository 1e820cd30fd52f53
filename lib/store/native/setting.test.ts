/**
 * HUNTBOARD_NATIVE_INGEST turns the native reader off; HUNTBOARD_COMPILED_INGEST, its earlier name,
 * still does for operators who set it, and the two disagreeing is refused, naming both.
 */
import { describe, expect, it } from 'vitest';
import { nativeIngestSetting } from './setting';

describe('nativeIngestSetting', () => {
  it('is on unless a name says 0', () => {
    expect(nativeIngestSetting({})).toEqual({ kind: 'on' });
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: '1' })).toEqual({ kind: 'on' });
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: ' 0 ' })).toEqual({ kind: 'off' });
  });

  it('honours the earlier name alone, read as it always was', () => {
    expect(nativeIngestSetting({ HUNTBOARD_COMPILED_INGEST: '0' })).toEqual({ kind: 'off' });
    expect(nativeIngestSetting({ HUNTBOARD_COMPILED_INGEST: '1' })).toEqual({ kind: 'on' });
    expect(nativeIngestSetting({ HUNTBOARD_COMPILED_INGEST: 'yes' })).toEqual({ kind: 'on' });
  });

  it('takes both names when they agree', () => {
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: '0', HUNTBOARD_COMPILED_INGEST: '0' })).toEqual({ kind: 'off' });
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: '1', HUNTBOARD_COMPILED_INGEST: '' })).toEqual({ kind: 'on' });
  });

  it('refuses the two names disagreeing, naming both', () => {
    for (const env of [
      { HUNTBOARD_NATIVE_INGEST: '1', HUNTBOARD_COMPILED_INGEST: '0' },
      { HUNTBOARD_NATIVE_INGEST: '0', HUNTBOARD_COMPILED_INGEST: '1' },
    ]) {
      const setting = nativeIngestSetting(env);
      expect(setting.kind).toBe('invalid');
      if (setting.kind === 'invalid') {
        expect(setting.message).toContain(`HUNTBOARD_NATIVE_INGEST=${env.HUNTBOARD_NATIVE_INGEST}`);
        expect(setting.message).toContain(`HUNTBOARD_COMPILED_INGEST=${env.HUNTBOARD_COMPILED_INGEST}`);
      }
    }
  });

  it('refuses a value of the new name other than 0 or 1', () => {
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: 'false' })).toEqual({
      kind: 'invalid',
      message: 'HUNTBOARD_NATIVE_INGEST must be 0 (off) or 1 (on), not [false]',
    });
    expect(nativeIngestSetting({ HUNTBOARD_NATIVE_INGEST: '' })).toMatchObject({ kind: 'invalid' });
  });
});

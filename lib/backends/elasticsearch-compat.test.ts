import { describe, expect, it } from 'vitest';
import { compatFromInfo } from './elasticsearch-compat';

const info = (number: unknown, extra: Record<string, unknown> = {}) => ({ cluster_name: 'c', version: { number, ...extra } });

describe('cluster compatibility', () => {
  it('9.x keeps the client defaults, 8.x gets compatible-with=8', () => {
    expect(compatFromInfo(info('9.4.0'))).toMatchObject({ ok: true, compat: { major: 9, minor: 4, headers: {} } });
    expect(compatFromInfo(info('8.19.2'))).toMatchObject({
      ok: true,
      compat: { major: 8, headers: { accept: 'application/vnd.elasticsearch+json; compatible-with=8' } },
    });
  });

  it('8.15 is the oldest supported version', () => {
    expect(compatFromInfo(info('8.15.0')).ok).toBe(true);
    expect(compatFromInfo(info('8.14.3'))).toEqual({ ok: false, message: 'Unsupported Elasticsearch version 8.14.3: Huntboard needs 8.15 or later' });
    expect(compatFromInfo(info('7.17.0')).ok).toBe(false);
  });

  it('serverless reports 8.11.0 but is accepted with plain JSON headers', () => {
    expect(compatFromInfo(info('8.11.0', { build_flavor: 'serverless' }))).toMatchObject({
      ok: true,
      compat: { version: '8.11.0 (serverless)', headers: { accept: 'application/json' } },
    });
  });

  it('a body without a version is an error', () => {
    expect(compatFromInfo({ tagline: 'hello' })).toMatchObject({ ok: false });
    expect(compatFromInfo(info('banana'))).toEqual({ ok: false, message: 'Cannot read the Elasticsearch version "banana"' });
  });
});

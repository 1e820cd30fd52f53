/**
 * An addon built for another DuckDB is refused when it loads, with a message, and ingest takes
 * the reference path: nativeAddon() answers undefined. The built addon stands in for one built
 * for DuckDB 1.4 by reporting that version through a wrapped require.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:module', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:module')>();
  const createRequire: typeof real.createRequire = (from) => {
    const require = real.createRequire(from);
    return Object.assign((id: string) => {
      const addon = require(id) as Record<string, unknown>;
      return { ...addon, duckdbVersion: { builtFor: '1.4.3', linked: 'v1.5.6' } };
    }, require);
  };
  return { ...real, default: { ...real, createRequire }, createRequire };
});

const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
afterAll(() => errors.mockRestore());

describe('nativeAddon', () => {
  it('refuses an addon built for another DuckDB, saying why once', async () => {
    const { nativeAddon } = await import('./addon');
    expect(nativeAddon()).toBeUndefined();
    expect(nativeAddon()).toBeUndefined();
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0][0])).toMatch(/not used: it was built for DuckDB 1\.4 .* but DuckDB v1\.5\.6 is loaded.*reference path/);
  });
});

import { describe, expect, it } from 'vitest';
import { redactPaths } from './redact-paths';

describe('redactPaths', () => {
  it('hides the data folder and any other absolute path, keeping file names', () => {
    const dir = '/srv/huntboard/data';
    expect(redactPaths(`IO Error: No magic bytes found at end of file '${dir}/indices/net/parts/a1.parquet'`, dir)).toBe(
      "IO Error: No magic bytes found at end of file '<data dir>/indices/net/parts/a1.parquet'",
    );
    expect(redactPaths("Could not read '/tmp/other/x.parquet' or /var/lib/y.db", dir)).toBe("Could not read 'x.parquet' or y.db");
    expect(redactPaths('Conversion Error: 1/2 is not a date, a/b stays', dir)).toBe('Conversion Error: 1/2 is not a date, a/b stays');
  });
});

/** Counts over a limit are refused with the limit and the count; a million findings in a run are not. */
import { describe, expect, it } from 'vitest';
import { bigBundle } from './testing/big-bundle';
import { decodeBundle, encodeBundle, MAX_BUNDLE_UNCOMPRESSED } from './format';
import { BUNDLE_LIMITS, overLimit, type BundleLimits } from './limits';

const small: BundleLimits = { runs: 1, findingsPerRun: 5, eventFindings: 3, eventRows: 2, triage: 2, triageHistory: 2, allowEntries: 2 };

describe('bundle limits', () => {
  it('accepts a run of 1,000,000 findings and refuses 1,000,001, naming both', () => {
    expect(BUNDLE_LIMITS.findingsPerRun).toBeGreaterThanOrEqual(1_000_000);
    // Array lengths only: a sparse array stands for a million rows without building them.
    expect(overLimit({ runs: [{ id: 7, values: new Array(1_000_000) }] })).toBeUndefined();
    expect(overLimit({ runs: [{ id: 7, values: new Array(1_000_001) }] })).toBe('run 7 holds 1,000,001 findings; Huntboard imports at most 1,000,000 findings per run');
  });

  it('refuses each count over its limit with a clear message, before validating the rest', () => {
    const cases: [Parameters<typeof bigBundle>[0], RegExp][] = [
      [{ findings: 6 }, /run 1 holds 6 findings; Huntboard imports at most 5 findings per run/],
      [{ findings: 3, triage: 3 }, /holds 3 triage entries; Huntboard imports at most 2/],
      [{ findings: 4, eventFindings: 4 }, /holds 4 findings with events; Huntboard imports at most 3/],
      [{ findings: 3, eventFindings: 3 }, /holds 3 event rows; Huntboard imports at most 2/],
    ];
    for (const [shape, message] of cases) {
      const decoded = decodeBundle(encodeBundle(bigBundle(shape)), { limits: small });
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.message).toMatch(/^The bundle is too large to import: it|^The bundle is too large to import: run/);
      if (!decoded.ok) expect(decoded.message).toMatch(message);
    }
    const twoRuns = bigBundle({ findings: 1 });
    twoRuns.runs.push({ ...twoRuns.runs[0], id: 2 });
    const refused = decodeBundle(encodeBundle(twoRuns), { limits: small });
    expect(refused).toEqual({ ok: false, message: 'The bundle is too large to import: it holds 2 runs; Huntboard imports at most 1.' });
    const history = bigBundle({ findings: 1, triage: 1 });
    history.history = [history.history[0], history.history[0], history.history[0]];
    expect(decodeBundle(encodeBundle(history), { limits: small })).toEqual({ ok: false, message: expect.stringMatching(/3 triage history entries; Huntboard imports at most 2/) });
    expect(decodeBundle(encodeBundle(bigBundle({ findings: 5, triage: 2, eventFindings: 2 })), { limits: small }).ok).toBe(true);
  });

  it('still refuses a bundle past the uncompressed size, while gunzipping', () => {
    expect(MAX_BUNDLE_UNCOMPRESSED).toBe(200 * 1024 * 1024);
    const decoded = decodeBundle(encodeBundle(bigBundle({ findings: 2_000 })), { maxUncompressed: 10_000 });
    expect(decoded).toEqual({ ok: false, message: expect.stringMatching(/larger than .* MB uncompressed; it is refused/) });
  });
});

import { describe, expect, it } from 'vitest';
import { exploreAdmission } from './explore-admission';

const LIMITS = { runs: { capacity: 3, perMinute: 60 }, concurrent: 2, sources: { capacity: 2, perMinute: 60 } };

describe('Explore admission', () => {
  it('caps one user’s runs in flight, not another’s; a finished run frees its place', async () => {
    const admission = exploreAdmission(LIMITS, () => 0);
    const a1 = admission.run('ana');
    const a2 = admission.run('ana');
    expect([a1.ok, a2.ok]).toEqual([true, true]);
    const refused = admission.run('ana');
    if (refused.ok) throw new Error('a third run in flight was admitted');
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toBe('1');
    expect(await refused.response.json()).toMatchObject({ ok: false, error: { kind: 'rate_limited', message: expect.stringContaining('still running') } });
    expect(admission.run('bob').ok).toBe(true);
    if (a1.ok) {
      a1.release();
      a1.release();
    }
    expect(admission.run('ana').ok).toBe(true);
    expect(admission.run('ana').ok).toBe(false);
  });

  it('caps runs a minute per user, refilling with time', () => {
    let now = 0;
    const admission = exploreAdmission(LIMITS, () => now);
    for (let i = 0; i < 3; i++) {
      const admitted = admission.run('ana');
      if (admitted.ok) admitted.release();
    }
    const refused = admission.run('ana');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.response.headers.get('retry-after')).toBe('1');
    now = 1000;
    expect(admission.run('ana').ok).toBe(true);
  });

  it('gives source lookups a budget of their own', () => {
    const admission = exploreAdmission(LIMITS, () => 0);
    expect([admission.sources('ana').ok, admission.sources('ana').ok, admission.sources('ana').ok]).toEqual([true, true, false]);
    expect(admission.run('ana').ok).toBe(true);
  });
});

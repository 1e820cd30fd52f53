/** The one map from an error's kind to its HTTP status, and the one shape of a refusal. */
import { describe, expect, it } from 'vitest';
import { apiError } from '../../model/api';
import { refusal, statusOf } from './error-status';

describe('statusOf', () => {
  it('says whose fault: the client’s, the upstream’s, or ours', () => {
    expect([statusOf('bad_request'), statusOf('parsing'), statusOf('not_found')]).toEqual([400, 400, 404]);
    expect([statusOf('unreachable'), statusOf('authentication'), statusOf('timeout'), statusOf('cancelled')]).toEqual([502, 502, 504, 499]);
    expect([statusOf('internal'), statusOf('disk_full')]).toEqual([500, 507]);
  });

  it('covers Huntboard’s own refusals', () => {
    expect([statusOf('unauthenticated'), statusOf('forbidden'), statusOf('conflict')]).toEqual([401, 403, 409]);
  });
});

describe('a refusal as an HTTP answer', () => {
  it('takes its status from its kind: Huntboard’s own refusals included', () => {
    expect([statusOf('unauthenticated'), statusOf('forbidden'), statusOf('conflict'), statusOf('not_found'), statusOf('bad_request')]).toEqual([401, 403, 409, 404, 400]);
  });

  it('is {ok: false, error, …extra}, never cached; a route may name a status its kind does not say', async () => {
    const conflict = refusal(apiError('conflict', 'Signed already.'), { extra: { current: 1 } });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('cache-control')).toBe('no-store');
    expect(await conflict.json()).toEqual({ ok: false, error: { kind: 'conflict', message: 'Signed already.' }, current: 1 });
    const slowDown = refusal(apiError('bad_request', 'Wait.'), { status: 429, headers: { 'retry-after': '5' } });
    expect([slowDown.status, slowDown.headers.get('retry-after'), slowDown.headers.get('cache-control')]).toEqual([429, '5', 'no-store']);
  });
});

/** The browser's API client over a mocked fetch: what it sends, and every way an answer can end. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callApi, csrfHeaders, postJson } from './client';

const TOKEN = 'client-test-token-0123456789abcdef';

function answering(respond: () => Promise<Response>) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) => respond());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('csrfHeaders', () => {
  it('echoes the token from document.cookie text into the header, and nothing when there is none', () => {
    expect(csrfHeaders(`theme=dark; huntboard_csrf=${TOKEN}; x=1`)).toEqual({ 'x-huntboard-csrf': TOKEN });
    expect(csrfHeaders('theme=dark')).toEqual({});
    expect(csrfHeaders('huntboard_csrf=<script>')).toEqual({});
    // Outside a browser there is no document: no header, no crash.
    expect(csrfHeaders()).toEqual({});
  });
});

describe('callApi', () => {
  it('POSTs JSON with the CSRF header and same-origin credentials, and returns the ok answer', async () => {
    vi.stubGlobal('document', { cookie: `huntboard_csrf=${TOKEN}` });
    const fetchMock = answering(async () => Response.json({ ok: true, savedRun: 7 }));
    const answer = await postJson<{ ok: true; savedRun: number }>('/api/x', { a: 1 });
    expect(answer).toEqual({ ok: true, status: 200, body: { ok: true, savedRun: 7 } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/x');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"a":1}' });
    expect(init?.headers).toEqual({ 'content-type': 'application/json', 'x-huntboard-csrf': TOKEN });
  });

  it('sends a GET without body or token, and raw bytes with the caller’s content type', async () => {
    vi.stubGlobal('document', { cookie: `huntboard_csrf=${TOKEN}` });
    const fetchMock = answering(async () => Response.json({ ok: true }));
    await callApi('/api/triage?hunt=h');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'GET', headers: {}, body: undefined });
    const bytes = new Uint8Array([31, 139]).buffer;
    await callApi('/api/bundle/import', { method: 'POST', bytes, headers: { 'content-type': 'application/gzip' } });
    expect(fetchMock.mock.calls[1][1]).toMatchObject({ method: 'POST', body: bytes, headers: { 'content-type': 'application/gzip', 'x-huntboard-csrf': TOKEN } });
  });

  it('turns a refusal into its message and error, keeping the rest of the body', async () => {
    answering(async () => Response.json({ ok: false, error: { kind: 'bad_request', message: 'Count moved.', hint: 'Reload.' }, untriaged: 3 }, { status: 409 }));
    const answer = await callApi('/api/week/signoff', { method: 'DELETE', json: { week: '2026-01-05' } });
    expect(answer).toEqual({
      ok: false,
      status: 409,
      message: 'Count moved.',
      error: { kind: 'bad_request', message: 'Count moved.', hint: 'Reload.' },
      body: { ok: false, error: { kind: 'bad_request', message: 'Count moved.', hint: 'Reload.' }, untriaged: 3 },
    });
  });

  it('names the status when a refusal has no error of its own', async () => {
    answering(async () => Response.json({ ok: false }, { status: 418 }));
    const answer = await postJson('/api/x', {});
    expect(answer).toMatchObject({ ok: false, status: 418, message: 'The server answered 418.' });
  });

  it('says so when the answer is not JSON (a proxy’s error page) or not an object', async () => {
    answering(async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    expect(await postJson('/api/x', {})).toMatchObject({ ok: false, status: 502, error: { kind: 'bad_response' }, message: 'The Huntboard server answered 502 without JSON.' });
    answering(async () => Response.json([1, 2]));
    expect(await postJson('/api/x', {})).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
  });

  it('answers a network failure with a message, and a cancel as cancelled', async () => {
    answering(async () => {
      throw new TypeError('fetch failed');
    });
    expect(await postJson('/api/x', {})).toMatchObject({ ok: false, error: { kind: 'unreachable' }, message: 'The Huntboard server did not answer.' });
    const abort = new AbortController();
    abort.abort();
    answering(async () => {
      throw new DOMException('aborted', 'AbortError');
    });
    expect(await postJson('/api/x', {}, abort.signal)).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });
});

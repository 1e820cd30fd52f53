import { errors } from '@elastic/elasticsearch';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readEnvelope, toBackendError } from './elasticsearch-errors';

const context = { target: 'https://es.example:9200', secrets: ['s3cr3t-key'] };

function responseError(statusCode: number, body: unknown, headers: Record<string, string> = {}) {
  return new errors.ResponseError({ body, statusCode, headers, meta: {} as never, warnings: null });
}

describe('error classification', () => {
  it('prefers the root cause reason', () => {
    expect(
      readEnvelope({
        error: { root_cause: [{ type: 'verification_exception', reason: 'root' }], type: 'verification_exception', reason: 'top' },
        status: 400,
      }),
    ).toEqual({ type: 'verification_exception', reason: 'root', causedBy: undefined });
  });

  it('redacts secrets that a server echoes back', () => {
    const error = toBackendError(
      responseError(401, { error: { type: 'security_exception', reason: 'unable to authenticate with key [s3cr3t-key]' }, status: 401 }),
      context,
    );
    expect(error.kind).toBe('authentication');
    expect(error.message).not.toContain('s3cr3t-key');
    expect(error.message).toContain('[redacted]');
  });

  it('a non-JSON error body still gives a status-based kind', () => {
    expect(toBackendError(responseError(502, '<html>Bad Gateway</html>'), context)).toEqual({
      kind: 'server',
      status: 502,
      message: 'Elasticsearch server error (502): HTTP 502',
    });
  });

  it('connection failures', () => {
    expect(toBackendError(new errors.ConnectionError('getaddrinfo ENOTFOUND es.example'), context).kind).toBe('unreachable');
    expect(toBackendError(new errors.ConnectionError('self-signed certificate in certificate chain'), context).message).toContain('TLS');
    expect(toBackendError(new errors.ConnectionError('other side closed'), context).kind).toBe('bad_response');
    expect(toBackendError(new errors.ConnectionError('other side closed - Local: 1.2.3.4:5, Remote: 1.2.3.4:9200'), context).kind).toBe('unreachable');
  });

  it('client-side failures', () => {
    expect(toBackendError(new errors.DeserializationError('Unexpected token', '{"a'), context).kind).toBe('bad_response');
    expect(toBackendError(new errors.TimeoutError('Request timed out'), context).kind).toBe('timeout');
    expect(toBackendError(new errors.RequestAbortedError('Request aborted'), context).kind).toBe('cancelled');
    expect(toBackendError(new TypeError('x is undefined'), context)).toEqual({ kind: 'internal', message: 'Unexpected error while talking to Elasticsearch' });
  });

  it('Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('12')).toBe(12);
    expect(parseRetryAfter(['3'])).toBe(3);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(0);
  });
});

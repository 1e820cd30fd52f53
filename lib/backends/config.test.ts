import { describe, expect, it } from 'vitest';
import { loadBackendConfig, redact, secretsOf, type ConfigResult } from './config';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const files: Record<string, string> = { '/certs/ca.pem': PEM, '/certs/not-pem.txt': 'hello' };
const readFile = (path: string) => {
  if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
  return files[path];
};
const load = (env: Record<string, string | undefined>) => loadBackendConfig(env, { readFile });

function errorOf(result: ConfigResult) {
  if (result.ok) throw new Error('expected a config error');
  return result.error;
}

describe('backend configuration', () => {
  it('selects the embedded engine with defaults when no cluster is configured', () => {
    expect(load({})).toEqual({ ok: true, config: { kind: 'embedded', dataDir: './data' } });
    expect(load({ HUNTBOARD_DATA_DIR: '/srv/hb', HUNTBOARD_NOW: '2024-05-01T12:00:00Z' })).toEqual({
      ok: true,
      config: { kind: 'embedded', dataDir: '/srv/hb', now: new Date('2024-05-01T12:00:00Z') },
    });
  });

  it('reads HUNTBOARD_NOW with an offset, and without one as UTC', () => {
    expect(load({ HUNTBOARD_NOW: '2024-05-01T14:00:00+02:00' })).toMatchObject({ config: { now: new Date('2024-05-01T12:00:00Z') } });
    expect(load({ HUNTBOARD_NOW: '2024-05-01T12:00:00.250' })).toMatchObject({ config: { now: new Date('2024-05-01T12:00:00.250Z') } });
    expect(load({ HUNTBOARD_NOW: '2024-05-01' })).toMatchObject({ config: { now: new Date('2024-05-01T00:00:00Z') } });
  });

  it('rejects an invalid HUNTBOARD_NOW naming the variable', () => {
    for (const value of ['yesterday', '2024-13-45T00:00:00Z', '2024-02-30T00:00:00Z', '1714564800', '2024-05-01T25:00:00Z']) {
      const error = errorOf(load({ HUNTBOARD_NOW: value }));
      expect(error.variable).toBe('HUNTBOARD_NOW');
      expect(error.message).toContain('HUNTBOARD_NOW');
    }
  });

  it('reads a cluster URL with an API key and defaults', () => {
    expect(load({ ELASTICSEARCH_URL: 'https://es.example:9200/', ELASTICSEARCH_API_KEY: 'abc==' })).toEqual({
      ok: true,
      config: {
        kind: 'elasticsearch',
        node: 'https://es.example:9200',
        displayTarget: 'https://es.example:9200',
        auth: { kind: 'api_key', apiKey: 'abc==' },
        tlsVerify: true,
        requestTimeoutMs: 30000,
        queryTimeoutMs: 120000,
      },
    });
  });

  it('reads basic auth, TLS and timeouts', () => {
    const result = load({
      ELASTICSEARCH_URL: 'https://es.example:9200',
      ELASTICSEARCH_USERNAME: 'elastic',
      ELASTICSEARCH_PASSWORD: 's3cr3t!',
      ELASTICSEARCH_CA_CERT: '/certs/ca.pem',
      ELASTICSEARCH_TLS_VERIFY: 'false',
      ELASTICSEARCH_REQUEST_TIMEOUT_MS: '5000',
      HUNTBOARD_QUERY_TIMEOUT_MS: '600000',
    });
    expect(result).toMatchObject({
      ok: true,
      config: { auth: { kind: 'basic', username: 'elastic', password: 's3cr3t!' }, caCert: PEM, tlsVerify: false, requestTimeoutMs: 5000, queryTimeoutMs: 600000 },
    });
  });

  it('moves credentials out of the URL', () => {
    const result = load({ ELASTICSEARCH_URL: 'http://elastic:pa%40ss@localhost:9200' });
    expect(result).toMatchObject({ ok: true, config: { node: 'http://localhost:9200', displayTarget: 'http://localhost:9200', auth: { kind: 'basic', username: 'elastic', password: 'pa@ss' } } });
  });

  it('accepts a cloud id', () => {
    const encoded = Buffer.from('us-east-1.aws.found.io$abc123$def456').toString('base64');
    expect(load({ ELASTICSEARCH_CLOUD_ID: `prod:${encoded}` })).toMatchObject({
      ok: true,
      config: { kind: 'elasticsearch', cloudId: `prod:${encoded}`, displayTarget: 'Elastic Cloud deployment prod' },
    });
    expect(errorOf(load({ ELASTICSEARCH_CLOUD_ID: 'prod:bm9wZQ==' })).variable).toBe('ELASTICSEARCH_CLOUD_ID');
  });

  it('names the variable for each error', () => {
    const cases: [Record<string, string>, string][] = [
      [{ ELASTICSEARCH_URL: 'not a url' }, 'ELASTICSEARCH_URL'],
      [{ ELASTICSEARCH_URL: 'ftp://es:21' }, 'ELASTICSEARCH_URL'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_CLOUD_ID: 'x:y' }, 'ELASTICSEARCH_URL'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_USERNAME: 'elastic' }, 'ELASTICSEARCH_PASSWORD'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_PASSWORD: 'pw' }, 'ELASTICSEARCH_USERNAME'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_API_KEY: 'k', ELASTICSEARCH_USERNAME: 'u', ELASTICSEARCH_PASSWORD: 'p' }, 'ELASTICSEARCH_API_KEY'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_CA_CERT: '/certs/missing.pem' }, 'ELASTICSEARCH_CA_CERT'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_CA_CERT: '/certs/not-pem.txt' }, 'ELASTICSEARCH_CA_CERT'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_TLS_VERIFY: 'maybe' }, 'ELASTICSEARCH_TLS_VERIFY'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_REQUEST_TIMEOUT_MS: '-5' }, 'ELASTICSEARCH_REQUEST_TIMEOUT_MS'],
      [{ ELASTICSEARCH_URL: 'http://a:9200', HUNTBOARD_QUERY_TIMEOUT_MS: '10s' }, 'HUNTBOARD_QUERY_TIMEOUT_MS'],
    ];
    for (const [env, variable] of cases) {
      const error = errorOf(load(env));
      expect(error.variable).toBe(variable);
      expect(error.message).toContain(variable);
    }
  });

  it('never echoes a secret in an error message', () => {
    const secrets = ['topsecretpw', 'k3y-v4lue'];
    const envs = [
      { ELASTICSEARCH_URL: 'not a url with topsecretpw' },
      { ELASTICSEARCH_URL: 'ftp://user:topsecretpw@host' },
      { ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_PASSWORD: 'topsecretpw' },
      { ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_API_KEY: 'k3y-v4lue', ELASTICSEARCH_USERNAME: 'u', ELASTICSEARCH_PASSWORD: 'topsecretpw' },
    ];
    for (const env of envs) {
      const { message } = errorOf(load(env));
      for (const secret of secrets) expect(message).not.toContain(secret);
    }
  });

  it('redacts every form of the credentials', () => {
    const result = load({ ELASTICSEARCH_URL: 'http://a:9200', ELASTICSEARCH_USERNAME: 'elastic', ELASTICSEARCH_PASSWORD: 'pw/123' });
    if (!result.ok) throw new Error('expected a config');
    const basic = Buffer.from('elastic:pw/123').toString('base64');
    expect(redact(`Basic ${basic} and pw/123 and pw%2F123`, secretsOf(result.config))).toBe('Basic [redacted] and [redacted] and [redacted]');
  });
});

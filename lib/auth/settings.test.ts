import { describe, expect, it } from 'vitest';
import { decideAccess, INSECURE_PROXY_BANNER } from './access';
import { readAuthSettings, type AuthSettings } from './settings';

const SECRET = 'a-secret-the-proxy-sends';
const errorsOf = (env: Record<string, string>) => {
  const result = readAuthSettings(env);
  return result.ok ? [] : result.errors;
};
const settingsOf = (env: Record<string, string>): AuthSettings => {
  const result = readAuthSettings(env);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.settings;
};

describe('auth settings', () => {
  it('takes the defaults when nothing is set', () => {
    expect(readAuthSettings({})).toEqual({ ok: true, settings: { proxy: undefined, host: undefined, port: 3000, trustProxy: false, singleUserName: 'local analyst' } });
  });

  it('refuses a blank value, naming the variable, instead of reading it as unset', () => {
    for (const name of ['HUNTBOARD_AUTH_PROXY_HEADER', 'HUNTBOARD_AUTH_PROXY_SECRET', 'HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE', 'HUNTBOARD_HOST', 'PORT', 'HUNTBOARD_USER']) {
      for (const blank of ['', ' ', '\t']) {
        const env = { HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET, [name]: blank };
        expect(errorsOf(env), `${name}=[${blank}]`).toContain(`${name} is set but blank: give it a value or unset it.`);
      }
    }
    for (const name of ['HUNTBOARD_TRUST_PROXY', 'HUNTBOARD_COOKIE_SECURE', 'HUNTBOARD_AUTH_PROXY_INSECURE']) {
      expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET, [name]: ' ' }).join(' ')).toContain(`${name} must be 1 or 0`);
      expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET, [name]: 'yes' }).join(' ')).toContain(`${name} must be 1 or 0`);
    }
  });

  it('refuses a proxy header that is not a header name, or one clients send themselves', () => {
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET })).toEqual(['HUNTBOARD_AUTH_PROXY_HEADER [x user] is not a valid header name.']);
    for (const header of ['Cookie', 'host', 'x-huntboard-peer', 'x-forwarded-for']) {
      expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: header, HUNTBOARD_AUTH_PROXY_SECRET: SECRET })[0]).toMatch(/^HUNTBOARD_AUTH_PROXY_HEADER cannot be /);
    }
  });

  it('refuses a proxy without a secret unless the operator opts out explicitly', () => {
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user' })[0]).toMatch(/^HUNTBOARD_AUTH_PROXY_HEADER is set without HUNTBOARD_AUTH_PROXY_SECRET: anyone who can reach Huntboard/);
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_INSECURE: '0' })).toHaveLength(1);
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: 'short' })[0]).toMatch(/at least 16 characters/);
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET, HUNTBOARD_AUTH_PROXY_INSECURE: '1' })[0]).toMatch(/both set/);
    expect(settingsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'X-Forwarded-User', HUNTBOARD_AUTH_PROXY_INSECURE: '1' }).proxy).toEqual({ header: 'x-forwarded-user', secret: undefined, defaultRole: 'viewer' });
  });

  it('refuses proxy settings without the proxy header, and a default role that is no role', () => {
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_SECRET: SECRET })).toEqual(['HUNTBOARD_AUTH_PROXY_SECRET is set but HUNTBOARD_AUTH_PROXY_HEADER is not.']);
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_INSECURE: '1' })).toEqual(['HUNTBOARD_AUTH_PROXY_INSECURE is set but HUNTBOARD_AUTH_PROXY_HEADER is not.']);
    expect(errorsOf({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET, HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE: 'root' })[0]).toMatch(/DEFAULT_ROLE must be one of viewer, analyst, lead/);
  });

  it('checks the bind address and port', () => {
    expect(settingsOf({ HUNTBOARD_HOST: ' 10.1.2.3 ', PORT: '8080' })).toMatchObject({ host: '10.1.2.3', port: 8080 });
    expect(settingsOf({ HUNTBOARD_HOST: '[::1]' }).host).toBe('::1');
    expect(settingsOf({ HUNTBOARD_HOST: 'huntboard.internal' }).host).toBe('huntboard.internal');
    expect(errorsOf({ HUNTBOARD_HOST: 'http://0.0.0.0:3000' })[0]).toMatch(/^HUNTBOARD_HOST \[http:\/\/0.0.0.0:3000\] is not an IP address or host name/);
    for (const port of ['0', '65536', '80a', '-1']) expect(errorsOf({ PORT: port })[0]).toMatch(/^PORT must be a number from 1 to 65535/);
  });
});

describe('access decision', () => {
  const decide = (env: Record<string, string>, accounts: number) => decideAccess(settingsOf(env), accounts, { peerHeader: true });

  it('listens on loopback only in single-user mode, whatever HUNTBOARD_HOST says', () => {
    expect(decide({}, 0)).toMatchObject({ mode: { kind: 'single-user' }, host: '127.0.0.1' });
    expect(decide({ HUNTBOARD_HOST: '0.0.0.0' }, 0)).toMatchObject({ host: '127.0.0.1', notices: [expect.stringContaining('HUNTBOARD_HOST=0.0.0.0 ignored'), expect.stringContaining('Local single-user mode')] });
    expect(decide({ HUNTBOARD_HOST: '::1' }, 0).host).toBe('::1');
    expect(decide({}, 1)).toMatchObject({ mode: { kind: 'accounts' }, host: '0.0.0.0' });
    expect(decide({ HUNTBOARD_HOST: '10.1.2.3' }, 2).host).toBe('10.1.2.3');
    expect(decide({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_SECRET: SECRET }, 0)).toMatchObject({ mode: { kind: 'proxy', secret: SECRET }, host: '0.0.0.0', banner: undefined, warnings: [] });
  });

  it('warns loudly, and in a banner for every user, when the proxy is trusted without a secret', () => {
    const access = decide({ HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user', HUNTBOARD_AUTH_PROXY_INSECURE: '1' }, 0);
    expect(access.banner).toBe(INSECURE_PROXY_BANNER);
    expect(access.warnings).toEqual([expect.stringMatching(/^!!! WARNING: Insecure sign-on/)]);
  });

  it('says so when the client address cannot be known (not behind Huntboard\'s server)', () => {
    expect(decideAccess(settingsOf({}), 1, { peerHeader: false }).warnings).toEqual([expect.stringContaining('the client address is unknown')]);
    expect(decideAccess(settingsOf({ HUNTBOARD_TRUST_PROXY: '1' }), 1, { peerHeader: false }).warnings).toEqual([]);
  });
});

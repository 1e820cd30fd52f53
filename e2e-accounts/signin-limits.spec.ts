import { test, expect } from '../e2e/fixtures';
import { pageWriteHeaders } from '../e2e/support/csrf';

/**
 * Sign-in limits on the production server (scripts/serve.mjs): wrong passwords lock out their
 * source — this address and that name — for a short, growing wait, never the name for everyone
 * nor the address for other names. Every request here comes from 127.0.0.1, which has 10 first
 * sign-ins a minute: this file spends 5 or 6 of them, so keep it small.
 */
const PASSWORD = process.env.E2E_ACCOUNTS_PASSWORD!;

test('five wrong passwords lock this address out of that name for 30 s, and nobody else out', async ({ page }) => {
  await page.goto('/signin');
  const signIn = async (username: string, password: string) =>
    page.request.post('/api/auth/signin', { data: { username, password }, headers: await pageWriteHeaders(page) });

  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await signIn('nobody-e2e', 'not the password')).status());
  expect(statuses).toEqual([401, 401, 401, 401, 429]);
  const locked = await signIn('nobody-e2e', 'not the password');
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()['retry-after'])).toBeLessThanOrEqual(30);
  expect(await locked.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('from this address') } });

  // Another name from the same address is not held back.
  const ann = await signIn('analyst-ann', PASSWORD);
  expect(ann.status()).toBe(200);
  expect(await ann.json()).toMatchObject({ ok: true, user: { username: 'analyst-ann', role: 'analyst' } });
});

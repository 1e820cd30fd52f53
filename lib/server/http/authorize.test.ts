import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import { authorizeWith } from './authorize';

const NOW = new Date('2026-01-08T12:00:00.000Z');

describe('authorizeWith', () => {
  let state: ReturnType<typeof authTestDb>;
  const cookies: Record<string, string> = {};
  beforeEach(async () => {
    state = authTestDb();
    for (const role of ['viewer', 'analyst', 'lead'] as const) {
      await addUser(state.db, { username: `${role}1`, role, password: 'correct horse battery' }, NOW);
      cookies[role] = `huntboard_session=${createSession(state.db, `${role}1`, NOW).token}`;
    }
  });
  afterEach(() => state.dispose());

  const as = (role: keyof typeof cookies | 'nobody', action: Parameters<typeof authorizeWith>[2]) =>
    authorizeWith(state.db, new Headers(role === 'nobody' ? {} : { cookie: cookies[role] }), action, { kind: 'accounts' }, NOW);

  it('answers 401 with a sign-in prompt to the anonymous', async () => {
    const result = as('nobody', 'view');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(401);
    expect(await result.response.json()).toEqual({ ok: false, error: { kind: 'unauthenticated', message: 'Sign in to view hunts.' } });
  });

  it('lets each role do what it may and answers 403 with the refusal otherwise', async () => {
    const expected = {
      viewer: { view: true, export: true, run: true, 'save-run': false, triage: false, 'allow-list': false, 'sign-off': false, import: false },
      analyst: { view: true, export: true, run: true, 'save-run': true, triage: true, 'allow-list': true, 'sign-off': false, import: false },
      lead: { view: true, export: true, run: true, 'save-run': true, triage: true, 'allow-list': true, 'sign-off': true, import: true },
    } as const;
    for (const [role, actions] of Object.entries(expected)) {
      for (const [action, allowed] of Object.entries(actions)) {
        const result = as(role, action as keyof typeof actions);
        expect(result.ok, `${role} ${action}`).toBe(allowed);
        if (result.ok) expect(result.who).toEqual({ kind: 'user', username: `${role}1`, role, via: 'session' });
        else {
          expect(result.response.status).toBe(403);
          expect(await result.response.json()).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(new RegExp(`^Your role \\(${role}\\) cannot `)) } });
        }
      }
    }
  });

  it('is the local lead in single-user mode', () => {
    const empty = authTestDb();
    try {
      const result = authorizeWith(empty.db, new Headers(), 'sign-off', { kind: 'single-user', username: 'alice' }, NOW);
      expect(result).toEqual({ ok: true, who: { kind: 'user', username: 'alice', role: 'lead', via: 'single-user' } });
    } finally {
      empty.dispose();
    }
  });
});

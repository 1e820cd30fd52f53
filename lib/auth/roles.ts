/**
 * Roles and what each may do. Checked on the server for every state-changing route and for every
 * page that shows a control, so a hidden button is never the only guard.
 */
import 'server-only';

export const ROLES = ['viewer', 'analyst', 'lead'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['view', 'run', 'save-run', 'triage', 'allow-list', 'export', 'sign-off', 'import'] as const;
export type Action = (typeof ACTIONS)[number];

const ALLOWED: Record<Role, readonly Action[]> = {
  // Looking at results means running the hunt: a viewer runs and reads, and changes nothing. Saving
  // a run puts it in the team's review (runs, diffs, the week), so it is an analyst's act.
  viewer: ['view', 'run', 'export'],
  analyst: ['view', 'run', 'save-run', 'export', 'triage', 'allow-list'],
  lead: ACTIONS,
};

export function can(role: Role, action: Action): boolean {
  return ALLOWED[role].includes(action);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: how they were identified decides nothing about what they may do; the role does. */
export type Identity =
  | { kind: 'user'; username: string; role: Role; via: 'session' | 'proxy' | 'single-user' }
  | { kind: 'anonymous' };

const VERBS: Record<Action, string> = {
  view: 'view hunts',
  run: 'run hunts',
  'save-run': 'save runs for the review',
  triage: 'triage findings',
  'allow-list': 'change the allow-list',
  export: 'export',
  'sign-off': 'sign off the week',
  import: 'import bundles',
};

export function refusal(role: Role, action: Action): string {
  return `Your role (${role}) cannot ${VERBS[action]}.`;
}

/** What an anonymous visitor is told: sign in first (the 401 of authorize). */
export function signInPrompt(action: Action): string {
  return `Sign in to ${VERBS[action]}.`;
}

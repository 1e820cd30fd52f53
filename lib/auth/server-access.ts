/**
 * The one access decision of this process, kept on globalThis: Next.js bundles a module once per
 * route, so a module-level variable would be a separate memo per route, each made at that route's
 * first request — after accounts may have changed. Whoever starts first publishes (the HTTP server
 * entry, else instrumentation.ts `register()`); everything else reads. Imports nothing with I/O, so
 * proxy.ts can read it too.
 */
import 'server-only';
import type { AccessDecision } from './access';

const SLOT = Symbol.for('huntboard.access-decision');

type Holder = { [SLOT]?: AccessDecision };
const holder = globalThis as Holder;

export function publishedAccess(): AccessDecision | undefined {
  return holder[SLOT];
}

/** Publishes the decision unless one already is; returns the one in force (never replaced). */
export function publishAccess(decision: AccessDecision): AccessDecision {
  holder[SLOT] ??= Object.freeze({ ...decision, mode: Object.freeze({ ...decision.mode }) });
  return holder[SLOT];
}

/** Tests only: forget the decision so the next test can start "a new server". */
export function resetAccessForTests(): void {
  delete holder[SLOT];
}

/**
 * Signing a week: in one transaction, the week is summarized as the lead's page shows it, the
 * untriaged count the lead confirmed is checked against it (a stale page cannot sign blind), the
 * sign-off is written and the snapshot frozen with it.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { inTransaction } from '../appstate/transaction';
import { summarizeWeek, type HuntRef } from './week';
import { type WeekBounds, type WeekSummary, type WeekSignOff } from '../model/week';
import { weekMarkdown } from './week-markdown';
import { signOffWeek, type SignOffResult } from './week-signoff';
import { storeSnapshot, type WeekSnapshot } from './week-snapshot';

/** How many findings each of the snapshot's lists keeps (the page and report show the first 100; the figures cover all). */
export const SNAPSHOT_LIST_LIMIT = 1_000;

export type SignWeekResult =
  | { ok: true; signOff: WeekSignOff; sha256: string; untriaged: number }
  | Exclude<SignOffResult, { ok: true }>
  | { ok: false; reason: 'unconfirmed'; message: string; untriaged: number };

export function freezeWeek(summary: WeekSummary, signOff: WeekSignOff): WeekSnapshot {
  const { signOff: _live, ...frozen } = summary;
  const untriaged = summary.untriagedCount;
  const signed: WeekSummary = { ...summary, signOff: { kind: 'signed', signOff, snapshot: { sha256: '', untriagedAtSigning: untriaged } } };
  return {
    format: 1,
    signOff: { weekStart: signOff.weekStart, signedBy: signOff.signedBy, signedAt: signOff.signedAt, note: signOff.note },
    untriagedAtSigning: untriaged,
    summary: frozen,
    markdown: weekMarkdown(signed),
  };
}

const untriagedText = (n: number) => `${n} ${n === 1 ? 'finding is' : 'findings are'} untriaged`;

/** Thrown inside the transaction so the sign-off row just written is rolled back. */
class Unconfirmed extends Error {
  constructor(readonly untriaged: number) {
    super('unconfirmed');
  }
}

/**
 * `confirmedUntriaged`: the untriaged count the lead was shown and agreed to sign with. A week
 * that cannot be signed at all (not started, already signed) is refused for that first.
 */
export function signWeek(db: AppDatabase, week: WeekBounds, hunts: readonly HuntRef[], who: string, at: string, note: string, confirmedUntriaged: number): SignWeekResult {
  try {
    return inTransaction(db, (): SignWeekResult => {
      const signed = signOffWeek(db, week.monday, who, at, note);
      if (!signed.ok) return signed;
      const summary = summarizeWeek(db, week, hunts, { listLimit: SNAPSHOT_LIST_LIMIT });
      const untriaged = summary.untriagedCount;
      if (untriaged !== confirmedUntriaged) throw new Unconfirmed(untriaged);
      const sha256 = storeSnapshot(db, signed.signOff.id, freezeWeek(summary, signed.signOff));
      return { ok: true, signOff: signed.signOff, sha256, untriaged };
    });
  } catch (e) {
    if (!(e instanceof Unconfirmed)) throw e;
    const n = e.untriaged;
    return { ok: false, reason: 'unconfirmed', untriaged: n, message: `${untriagedText(n)} in the week of ${week.monday}, not ${confirmedUntriaged}: review the week again, then confirm the sign-off.` };
  }
}

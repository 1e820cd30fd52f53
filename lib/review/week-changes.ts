/**
 * What changed in a signed week since its sign-off: the snapshot against the week computed now,
 * with the allow-list entries in force now (what they would hide). Per finding (triage, assignee,
 * suppression, change, presence), the runs saved into the week after signing, and every figure
 * that moved, each with its from → to. Pure: two summaries in, a list out.
 */
import 'server-only';
import type { TriageStatus } from '../model/triage';
import { TRIAGE_STATUSES } from '../model/triage';
import type { ChangedField, WeekChanges, WeekFinding, WeekFindingChange as FindingChange, WeekSummary } from '../model/week';
import type { FrozenSummary } from './week-snapshot';


interface State {
  finding: WeekFinding;
  suppressed: boolean;
}

/**
 * One finding across a hunt's queries: the week lists a process once however many of the hunt's
 * queries list it (the first), while the allow-list's and the gone lists may name it per query.
 */
const idOf = (f: WeekFinding) => JSON.stringify([f.huntId, f.key]);

function states(s: FrozenSummary): Map<string, State> {
  const out = new Map<string, State>();
  for (const finding of [...s.findings, ...s.gone]) out.set(idOf(finding), { finding, suppressed: false });
  for (const finding of s.hidden) out.set(idOf(finding), { finding, suppressed: true });
  return out;
}

const whole = (s: FrozenSummary) => s.findings.length >= s.findingCount && s.gone.length >= s.goneCount && s.hidden.length >= s.suppressed;
const shownText = (suppressed: boolean) => (suppressed ? 'hidden by the allow-list' : 'shown');
const triageText = (f: WeekFinding) => (f.untriaged ? 'new (untriaged)' : f.triage);
const assigneeText = (f: WeekFinding) => f.assignee ?? 'unassigned';

function fieldChanges(before: State, after: State): FindingChange['fields'] {
  const fields: FindingChange['fields'] = [];
  const add = (field: ChangedField, from: string, to: string) => from !== to && fields.push({ field, from, to });
  add('change', before.finding.diffStatus, after.finding.diffStatus);
  add('suppression', shownText(before.suppressed), shownText(after.suppressed));
  add('triage', triageText(before.finding), triageText(after.finding));
  add('assignee', assigneeText(before.finding), assigneeText(after.finding));
  return fields;
}

function figures(before: FrozenSummary, after: FrozenSummary): WeekChanges['figures'] {
  const pairs: [string, number, number][] = [
    ['runs', before.runs.length, after.runs.length],
    ['findings', before.findingCount, after.findingCount],
    ['untriaged', before.untriagedCount, after.untriagedCount],
    ['new', before.perDiffStatus.new, after.perDiffStatus.new],
    ['recurring', before.perDiffStatus.recurring, after.perDiffStatus.recurring],
    ['gone', before.goneCount, after.goneCount],
    ['hidden by the allow-list', before.suppressed, after.suppressed],
    ...TRIAGE_STATUSES.map((t: TriageStatus): [string, number, number] => [`triage ${t}`, before.perTriageStatus[t], after.perTriageStatus[t]]),
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([name, from, to]) => ({ name, from, to }));
}

export function changesSince(signed: FrozenSummary, now: WeekSummary): WeekChanges {
  const before = states(signed);
  const after = states(now);
  const partial = !whole(signed) || !whole(now);
  const findings: FindingChange[] = [];
  for (const [id, was] of before) {
    const is = after.get(id);
    if (is) {
      const fields = fieldChanges(was, is);
      if (fields.length > 0) findings.push({ finding: is.finding, fields });
    } else if (!partial) findings.push({ finding: was.finding, fields: [{ field: 'presence', from: `in the week (${was.finding.diffStatus})`, to: 'not in the week' }] });
  }
  if (!partial) {
    for (const [id, is] of after) {
      if (!before.has(id)) findings.push({ finding: is.finding, fields: [{ field: 'presence', from: 'not in the week', to: `in the week (${is.finding.diffStatus})` }] });
    }
  }
  const signedRuns = new Set(signed.runs.map((r) => r.id));
  const nowRuns = new Set(now.runs.map((r) => r.id));
  return {
    findings,
    lateRuns: now.runs.filter((r) => !signedRuns.has(r.id)),
    missingRuns: signed.runs.filter((r) => !nowRuns.has(r.id)),
    figures: figures(signed, now),
    partial,
  };
}

export const nothingChanged = (c: WeekChanges) => c.findings.length === 0 && c.lateRuns.length === 0 && c.missingRuns.length === 0 && c.figures.length === 0;

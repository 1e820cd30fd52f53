/**
 * The week as a Markdown report the lead can file or mail. Every value from the data is
 * attacker-reachable (process names, error messages, hunt files), so each is made inert as a
 * table cell: no pipe can split the row, no backtick, tag, link or emphasis can take effect, no
 * newline or bidi character can hide, and no cell starts like a spreadsheet formula.
 * Pure and deterministic: the same summary gives the same bytes.
 */
import 'server-only';
import type { EsqlValue } from '../model/esql';
import { TRIAGE_STATUSES } from '../model/triage';
import { neutralizeFormula } from '../view/export/csv';
import { escapeVisible } from '../view/text/escape';
import { WEEK_LIST_LIMIT } from './week';
import { type FindingRun, type QueryWeek, type RunOutcome, type WeekFinding, type WeekSummary } from '../model/week';


/** One value as inert Markdown text, safe inside a table cell. */
export function markdownCell(text: string): string {
  const neutral = neutralizeFormula(text);
  return escapeVisible(neutral.replace(/\\/g, '\\\\'))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[|`*_[\]~]/g, (c) => `\\${c}`);
}

function valueText(value: EsqlValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join(';');
  return String(value);
}

/** The BY values: the value alone for one key, `column: value` pairs for several. */
function keyValuesCell(keyValues: Record<string, EsqlValue>): string {
  const entries = Object.entries(keyValues);
  if (entries.length === 1) return markdownCell(valueText(entries[0][1]));
  return entries.map(([column, value]) => `${markdownCell(column)}: ${markdownCell(valueText(value))}`).join('; ');
}

function table(headers: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function outcomeText(outcome: RunOutcome): string {
  if (outcome.kind === 'failed') return `failed: ${markdownCell(outcome.message)}`;
  return outcome.kind === 'truncated' ? 'truncated (the list may be incomplete)' : 'ok';
}

const queryCell = (q: { queryLabel: string; queryNumber: number }) => `${markdownCell(q.queryLabel)} (#${q.queryNumber})`;

function runsSection(queries: readonly QueryWeek[]): string[] {
  if (queries.length === 0) return ['## Runs', '', 'No hunt ran this week and the catalogue is empty.'];
  const rows = queries.map((q) =>
    q.kind === 'did-not-run'
      ? [markdownCell(q.huntName), queryCell(q), '0', '', 'did not run', '']
      : [markdownCell(q.huntName), queryCell(q), String(q.runCount), `run ${q.latest.runId}, ${markdownCell(q.latest.startedAt)}`, outcomeText(q.latest.outcome), q.latest.outcome.kind === 'failed' ? '' : String(q.latest.outcome.rows)],
  );
  return ['## Runs', '', ...table(['Hunt', 'Query', 'Runs', 'Latest run', 'Status', 'Rows'], ['l', 'l', 'r', 'l', 'l', 'r'], rows)];
}

function findingRow(f: WeekFinding): string[] {
  return [markdownCell(f.huntName), queryCell(f), keyValuesCell(f.keyValues), f.diffStatus, f.untriaged ? `${f.triage} (untriaged)` : f.triage, f.assignee === null ? '' : markdownCell(f.assignee)];
}

const FINDING_HEADERS = ['Hunt', 'Query', 'Key values', 'Diff status', 'Triage status', 'Assignee'];
const FINDING_ALIGN: ('l' | 'r')[] = ['l', 'l', 'l', 'l', 'l', 'l'];

const hidden = (n: number) => (n > 0 ? `; ${n} more hidden by the allow-list` : '');

/** The report lists what the page lists (the first WEEK_LIST_LIMIT); the rest is on each run's review. */
function moreLine(listed: number, total: number, what: string, s: WeekSummary, count: (r: FindingRun) => number): string[] {
  if (total <= listed) return [];
  const runs = s.findingRuns.filter((r) => count(r) > 0).map((r) => `${markdownCell(r.huntName)}, ${queryCell(r)}: run ${r.runId} (${count(r)})`);
  return ['', `…and ${total - listed} more ${what}, listed on each run's review: ${runs.join('; ')}.`];
}

/** One findings table, with triage (untriaged marked): the untriaged are counted, not listed again. */
function findingsSection(s: WeekSummary): string[] {
  const counts = table(['Triage status', 'Findings'], ['l', 'r'], TRIAGE_STATUSES.map((status) => [status, String(s.perTriageStatus[status])]));
  const untriaged = s.untriagedCount === 0 ? 'Every finding has been triaged.' : `${s.untriagedCount} still untriaged (marked "untriaged" below).`;
  const lines = ['## Findings', '', `${s.findingCount} findings in the latest successful review run of each query: ${s.perDiffStatus.new} new, ${s.perDiffStatus.recurring} recurring against the review run before it${hidden(s.suppressed)}. ${untriaged}`, '', ...counts];
  const listed = s.findings.slice(0, WEEK_LIST_LIMIT);
  if (listed.length > 0) lines.push('', ...table(FINDING_HEADERS, FINDING_ALIGN, listed.map(findingRow)));
  lines.push(...moreLine(listed.length, s.findingCount, 'findings', s, (r) => r.findings));
  return lines;
}

function goneSection(s: WeekSummary): string[] {
  if (s.goneCount === 0) return ['## Gone', '', 'No finding of the week before is gone.'];
  const listed = s.gone.slice(0, WEEK_LIST_LIMIT);
  const more = s.goneCount > listed.length ? ['', `…and ${s.goneCount - listed.length} more gone, listed on each run's review.`] : [];
  return ['## Gone', '', `${s.goneCount} findings of the review run before each query's latest are not in it.`, '', ...table(FINDING_HEADERS, FINDING_ALIGN, listed.map(findingRow)), ...more];
}

const hours = (h: number | null) => (h === null ? 'n/a' : `${h.toFixed(1)} h`);

function timeSection(s: WeekSummary): string[] {
  const t = s.timeToTriage;
  return ['## Time to triage', '', `- Findings first triaged after they appeared this week: ${t.count}`, `- Median: ${hours(t.medianHours)}`, `- Max: ${hours(t.maxHours)}`];
}

function reviewersSection(s: WeekSummary): string[] {
  if (s.reviewers.length === 0) return ['## Reviewers', '', 'No triage changes this week.'];
  return ['## Reviewers', '', ...table(['Reviewer', 'Changes'], ['l', 'r'], s.reviewers.map((r) => [markdownCell(r.who), String(r.changes)]))];
}

function signOffSection(s: WeekSummary): string[] {
  const state = s.signOff;
  if (state.kind === 'unsigned') return ['## Sign-off', '', 'Not signed off.'];
  const { signedBy, signedAt, note } = state.signOff;
  const frozen = state.snapshot
    ? `${state.snapshot.untriagedAtSigning} findings were untriaged at signing; this report is the week as signed.`
    : 'Signed before snapshots were kept: this report is the week as it is now.';
  return ['## Sign-off', '', `Signed off by ${markdownCell(signedBy)} at ${markdownCell(signedAt)}.`, ...(note ? ['', `Note: ${markdownCell(note)}`] : []), '', frozen];
}

/** Appended to a signed week's stored report: the hash is of the snapshot that holds the report, so it cannot be inside it. */
export function snapshotFooter(sha256: string): string {
  return `
## Snapshot

sha256 ${sha256} (of the canonical JSON of the week as signed, which holds this report above this section).
`;
}

export function weekMarkdown(s: WeekSummary): string {
  const sections = [
    [`# Huntboard weekly review, week of ${s.week.monday}`, '', `From ${s.week.from} to ${s.week.to} (UTC, end excluded).`],
    runsSection(s.queries),
    findingsSection(s),
    goneSection(s),
    timeSection(s),
    reviewersSection(s),
    signOffSection(s),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

export function weekReportFileName(monday: string): string {
  return `huntboard-week-${monday.replace(/[^0-9-]/g, '')}.md`;
}

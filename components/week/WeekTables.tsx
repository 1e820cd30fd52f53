/**
 * The week page's tables (server-rendered): runs per query, findings per status, the findings
 * (one table, untriaged marked), reviewers. Every value from the data goes through InertText.
 */
import Link from 'next/link';
import { InertText } from '@/components/CellValue';
import type { EsqlValue } from '@/lib/model/esql';
import { TRIAGE_STATUSES } from '@/lib/model/triage';
import { findingId } from '@/lib/view/review/finding-id';
import type { QueryWeek, RunOutcome, WeekFinding, WeekSummary } from '@/lib/model/week';

function valueText(value: EsqlValue): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.map((v) => (v === null ? '' : String(v))).join(';') : String(value);
}

export function KeyValues({ values }: { values: Record<string, EsqlValue> }) {
  const entries = Object.entries(values);
  return (
    <span className="key-value">
      {entries.map(([column, value], i) => (
        <span key={column}>
          {i > 0 ? '; ' : ''}
          {entries.length > 1 ? (
            <>
              <InertText text={column} />:{' '}
            </>
          ) : null}
          <InertText text={valueText(value)} />
        </span>
      ))}
    </span>
  );
}

function Outcome({ outcome }: { outcome: RunOutcome }) {
  if (outcome.kind === 'failed') {
    return (
      <span className="error">
        failed: <InertText text={outcome.message.replace(/\s*\n\s*/g, ' ')} />
      </span>
    );
  }
  return outcome.kind === 'truncated' ? <span className="week-warn">truncated: the list may be incomplete</span> : <>ok</>;
}

const QueryName = ({ q }: { q: { queryLabel: string; queryNumber: number } }) => (
  <>
    <InertText text={q.queryLabel} /> <span className="muted">#{q.queryNumber}</span>
  </>
);

export function RunsTable({ queries }: { queries: QueryWeek[] }) {
  if (queries.length === 0) return <p className="muted">No hunt ran this week and the catalogue is empty.</p>;
  return (
    <table aria-label="Runs this week" className="week-table">
      <thead>
        <tr>
          <th scope="col">Hunt</th>
          <th scope="col">Query</th>
          <th scope="col" className="num">Runs</th>
          <th scope="col">Latest run</th>
          <th scope="col">Status</th>
          <th scope="col" className="num">Rows</th>
        </tr>
      </thead>
      <tbody>
        {queries.map((q) => (
          <tr key={`${q.huntId}\u0000${q.queryNumber}`}>
            <td>
              <InertText text={q.huntName} />
            </td>
            <td>
              <QueryName q={q} />
            </td>
            <td className="num">{q.kind === 'ran' ? q.runCount : 0}</td>
            <td>
              {q.kind === 'ran' ? (
                <>
                  <Link href={`/runs/${q.latest.runId}`}>run #{q.latest.runId}</Link>{' '}
                  <time dateTime={q.latest.startedAt}>
                    <InertText text={q.latest.startedAt} />
                  </time>
                </>
              ) : null}
            </td>
            <td>{q.kind === 'ran' ? <Outcome outcome={q.latest.outcome} /> : <span className="week-warn">did not run</span>}</td>
            <td className="num">{q.kind === 'ran' && q.latest.outcome.kind !== 'failed' ? q.latest.outcome.rows : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StatusCounts({ summary }: { summary: WeekSummary }) {
  return (
    <table aria-label="Findings per status" className="week-table week-counts">
      <thead>
        <tr>
          <th scope="col">Triage status</th>
          <th scope="col" className="num">Findings</th>
        </tr>
      </thead>
      <tbody>
        {TRIAGE_STATUSES.map((s) => (
          <tr key={s}>
            <th scope="row">{s}</th>
            <td className="num">{summary.perTriageStatus[s]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a listed finding leads (lib/review/week-links): its review row, its events and triage. */
export type FindingHrefs = Record<string, { review: string; events?: string }>;

function TriageCell({ f }: { f: WeekFinding }) {
  return (
    <>
      <span className={`triage-status triage-${f.triage}`}>{f.triage}</span>
      {f.untriaged ? <span className="badge week-untriaged"> untriaged</span> : null}
    </>
  );
}

/** The week's one findings table: change, triage (untriaged marked), and where to act on each. */
export function FindingsTable({ findings, label, links = {} }: { findings: WeekFinding[]; label: string; links?: FindingHrefs }) {
  return (
    <table aria-label={label} className="week-table">
      <thead>
        <tr>
          <th scope="col">Hunt</th>
          <th scope="col">Query</th>
          <th scope="col">Key values</th>
          <th scope="col">Diff status</th>
          <th scope="col">Triage status</th>
          <th scope="col">Assignee</th>
          <th scope="col">
            <span className="visually-hidden">Links</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => {
          const href = links[findingId(f)];
          return (
            <tr key={findingId(f)}>
              <td>
                <InertText text={f.huntName} />
              </td>
              <td>
                <QueryName q={f} /> <Link href={`/runs/${f.runId}`}>run #{f.runId}</Link>
              </td>
              <td>{href ? <Link href={href.review}><KeyValues values={f.keyValues} /></Link> : <KeyValues values={f.keyValues} />}</td>
              <td>{f.diffStatus === 'new' ? <span className="badge badge-new">new</span> : f.diffStatus}</td>
              <td>
                <TriageCell f={f} />
              </td>
              <td>{f.assignee === null ? <span className="muted">unassigned</span> : <InertText text={f.assignee} />}</td>
              <td>{href?.events ? <a href={href.events}>Events and triage</a> : null}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ReviewersTable({ reviewers }: { reviewers: WeekSummary['reviewers'] }) {
  if (reviewers.length === 0) return <p className="muted">No triage changes this week.</p>;
  return (
    <table aria-label="Reviewers" className="week-table week-counts">
      <thead>
        <tr>
          <th scope="col">Reviewer</th>
          <th scope="col" className="num">Changes</th>
        </tr>
      </thead>
      <tbody>
        {reviewers.map((r) => (
          <tr key={r.who}>
            <th scope="row">
              <InertText text={r.who} />
            </th>
            <td className="num">{r.changes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

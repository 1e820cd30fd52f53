/**
 * A run's findings week over week: change, runs seen, the key values, first seen (fleet-wide and
 * on the finding's agent, marked when new this week), counts that changed, triage, and actions.
 */
import type { ReactNode } from 'react';
import { CellValue } from '@/components/CellValue';
import type { FirstSeenAnswer, ReviewedFinding } from '@/lib/model/review';

export interface FindingsTableProps {
  label: string;
  findings: ReviewedFinding[];
  firstSeen: FirstSeenAnswer;
  /** Extra cells per finding: links and buttons the page decides on. */
  actions: (finding: ReviewedFinding) => ReactNode;
}

function FirstSeenCells({ finding, firstSeen }: { finding: ReviewedFinding; firstSeen: FirstSeenAnswer }) {
  if (firstSeen.kind !== 'found') return null;
  const seen = finding.processName === null ? undefined : firstSeen.byName.get(finding.processName);
  const onAgent = seen ? finding.agentIds.map((a) => seen.perAgent[a]).filter((t): t is string => t !== undefined).sort()[0] : undefined;
  return (
    <>
      <td>
        {seen?.fleet ? <time dateTime={seen.fleet}>{seen.fleet}</time> : '—'}
        {seen?.newThisWeek ? <span className="badge badge-new"> first seen this week</span> : null}
      </td>
      <td>{onAgent ? <time dateTime={onAgent}>{onAgent}</time> : '—'}</td>
    </>
  );
}

export function FindingsTable({ label, findings, firstSeen, actions }: FindingsTableProps) {
  const keyNames = findings[0] ? Object.keys(findings[0].keyValues) : [];
  return (
    <table aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Change</th>
          <th scope="col" className="num">
            Runs seen
          </th>
          {keyNames.map((k) => (
            <th key={k} scope="col">
              {k}
            </th>
          ))}
          {firstSeen.kind === 'found' ? (
            <>
              <th scope="col">First seen (fleet)</th>
              <th scope="col">First seen on its agent</th>
            </>
          ) : null}
          <th scope="col">Counts changed</th>
          <th scope="col">Triage</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.key} className={`finding-${f.status}`}>
            <td>{f.status}</td>
            <td className="num">{f.runsSeen}</td>
            {keyNames.map((k) => (
              <td key={k}>
                <CellValue value={f.keyValues[k]} type="keyword" />
              </td>
            ))}
            <FirstSeenCells finding={f} firstSeen={firstSeen} />
            <td>{f.changes.map((c) => `${c.column}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join('; ')}</td>
            <td>
              {f.triage.status}
              {f.triage.assignee ? ` (${f.triage.assignee})` : ''}
            </td>
            <td className="actions">{actions(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A signed week's "Changed since sign-off": what the week is now against the snapshot the lead
 * signed, each finding with what changed (from → to), late runs and moved figures. Server-rendered;
 * every value from the data goes through InertText.
 */
import Link from 'next/link';
import { InertText } from '@/components/CellValue';
import { findingId } from '@/lib/view/review/finding-id';
import type { ChangedField, WeekChanges } from '@/lib/model/week';
import { KeyValues, type FindingHrefs } from './WeekTables';

const FIELD: Record<ChangedField, string> = {
  presence: 'in the week',
  change: 'change',
  suppression: 'allow-list',
  triage: 'triage',
  assignee: 'assignee',
};

export function ChangesSince({ changes, links }: { changes: WeekChanges; links: FindingHrefs }) {
  const empty = changes.findings.length === 0 && changes.lateRuns.length === 0 && changes.missingRuns.length === 0 && changes.figures.length === 0;
  return (
    <section aria-label="Changed since sign-off" className="week-changes">
      <h2>Changed since sign-off</h2>
      {empty ? (
        <p>Nothing has changed since the sign-off.</p>
      ) : (
        <>
          <p className="muted">The week as it is now against the snapshot above (allow-list entries in force now). The snapshot is unchanged.</p>
          <ul aria-label="Changes since sign-off">
            {changes.findings.map((c) => {
              const f = c.finding;
              const href = links[findingId(f)];
              return (
                <li key={findingId(f)}>
                  <InertText text={f.huntName} />, <InertText text={f.queryLabel} />: {href ? <Link href={href.review}><KeyValues values={f.keyValues} /></Link> : <KeyValues values={f.keyValues} />}
                  {' — '}
                  {c.fields.map((x, i) => (
                    <span key={x.field}>
                      {i > 0 ? '; ' : ''}
                      {FIELD[x.field]}: <InertText text={x.from} /> → <InertText text={x.to} />
                    </span>
                  ))}
                </li>
              );
            })}
            {changes.lateRuns.map((r) => (
              <li key={`late-${r.id}`}>
                <Link href={`/runs/${r.id}`}>run #{r.id}</Link> (<InertText text={r.huntId} />, query {r.queryNumber}, started <time dateTime={r.startedAt}>{r.startedAt}</time>) saved into the week after the sign-off
              </li>
            ))}
            {changes.missingRuns.map((r) => (
              <li key={`missing-${r.id}`}>
                run #{r.id} (<InertText text={r.huntId} />, query {r.queryNumber}) is in the snapshot but no longer in the app state
              </li>
            ))}
            {changes.figures.map((x) => (
              <li key={`figure-${x.name}`}>
                {x.name}: {x.from} → {x.to}
              </li>
            ))}
          </ul>
          {changes.partial ? <p className="muted">A list holds only its first findings: findings entering or leaving the week are counted in the figures, not named.</p> : null}
        </>
      )}
    </section>
  );
}

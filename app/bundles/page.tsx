import Link from 'next/link';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { ImportBundle } from '@/components/bundle/ImportBundle';
import { weekContaining } from '@/lib/review/week-bounds';
import { can, refusal } from '@/lib/auth/roles';
import { pageUser } from '@/lib/server/http/authorize';
import { importedBundles } from '@/lib/server/routes/bundles';
import { serverNow } from '@/lib/server/process/now';
import '../bundles.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Bundles · Huntboard' };

/** Any Monday: with step 7 from it, the date picker offers Mondays only. */
const A_MONDAY = '2024-01-01';

function lastMonday(now: Date): string {
  return weekContaining(now).monday;
}

export default async function BundlesPage() {
  const who = await pageUser('/bundles');
  const bundles = importedBundles();
  const importDenied = can(who.role, 'import') ? undefined : refusal(who.role, 'import');
  return (
    <section className="panel bundles" aria-label="Bundles">
      <h1>Bundles</h1>
      <p className="muted">
        A bundle is one file with a week’s saved runs, the raw events behind each finding and their triage, for a Huntboard that cannot reach the cluster.
      </p>
      <h2>Export a week</h2>
      <form method="get" action="/api/bundle/export" aria-label="Export a week">
        <label>
          Week starting (Monday){' '}
          <input type="date" name="week" required min={A_MONDAY} step={7} defaultValue={lastMonday(serverNow())} />
        </label>{' '}
        <button type="submit">Download bundle</button>
      </form>
      <h2>Import a bundle</h2>
      <ImportBundle {...(importDenied ? { disabledReason: importDenied } : {})} />
      <h2>Imported bundles</h2>
      {bundles.length === 0 ? (
        <p className="muted">No bundle imported yet.</p>
      ) : (
        <table aria-label="Imported bundles">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">Source</th>
              <th scope="col">Exported</th>
              <th scope="col">Imported</th>
              <th scope="col">File</th>
              <th scope="col">Runs</th>
            </tr>
          </thead>
          <tbody>
            {bundles.map((b) => (
              <tr key={b.id}>
                <td>
                  <time dateTime={b.week.start}>{b.week.start.slice(0, 10)}</time> to <time dateTime={b.week.end}>{b.week.end.slice(0, 10)}</time>
                </td>
                <td>
                  <InertText text={b.sourceLabel} />
                </td>
                <td>
                  <time dateTime={b.exportedAt}>{b.exportedAt}</time>
                </td>
                <td>
                  <time dateTime={b.importedAt}>{b.importedAt}</time> by <InertText text={b.importedBy} />
                </td>
                <td>
                  <InertText text={b.fileName} />
                </td>
                <td>
                  {b.runIds.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="bundle-runs">
                      {b.runIds.map((id) => (
                        <li key={id}>
                          <Link href={`/runs/${id}`}>run #{id}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

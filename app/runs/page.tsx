import Link from 'next/link';
import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { triggerLabel } from '@/lib/view/review/run-labels';
import { pageUser } from '@/lib/server/http/authorize';
import { recentRuns } from '@/lib/server/views/run-review';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Saved runs · Huntboard' };

export default async function RunsPage() {
  await pageUser('/runs');
  const runs = recentRuns(200);
  return (
    <section className="panel" aria-label="Saved runs">
      <h1>Saved runs</h1>
      {runs.length === 0 ? (
        <p className="muted">No saved runs yet. Viewing a hunt saves nothing: “Save as run” on a hunt page (analysts and leads), the weekly schedule, or `huntboard hunts run --all --save` save runs for the review.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Started</th>
              <th scope="col">Hunt</th>
              <th scope="col">Query</th>
              <th scope="col">Window</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col">By</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/runs/${r.id}`}>#{r.id}</Link>
                </td>
                <td>
                  <time dateTime={r.startedAt}>{r.startedAt}</time>
                </td>
                <td>
                  <InertText text={r.huntId} />
                </td>
                <td className="num">{r.queryNumber}</td>
                <td>{r.window.from && r.window.to ? `${r.window.from} to ${r.window.to}` : r.window.id}</td>
                <td>{r.status === 'ok' ? (r.truncated ? 'ok, may be truncated' : 'ok') : <span className="error">failed: <InertText text={r.error.message.replace(/\s*\n\s*/g, ' ')} /></span>}</td>
                <td className="num">{r.rowCount}</td>
                <td>{triggerLabel(r.trigger)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

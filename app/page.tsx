import Link from 'next/link';
import { MitreBadges } from '@/components/MitreBadges';
import { RunAll, type RunAllItem } from '@/components/RunAll';
import { loadCatalogue } from '@/lib/hunts/catalogue';
import { querySummaries } from '@/lib/hunts/query-summaries';
import type { Backend, BackendInfo } from '@/lib/backends/types';
import { pageUser } from '@/lib/server/http/authorize';
import { backendOrError } from '@/lib/server/http/respond';
import { readDemoMarker } from '@/lib/demo/marker';
import { embeddedStoreLabel } from '@/lib/view/text/data-source';
import { plural } from '@/lib/view/text/plural';

export const dynamic = 'force-dynamic';

function BackendSummary({ info }: { info: BackendInfo }) {
  if (info.kind === 'elasticsearch') {
    return (
      <p>
        Elasticsearch cluster <strong>{info.clusterName}</strong>, version {info.version}
      </p>
    );
  }
  const starts = info.indices.map((i) => i.minTimestamp).filter((t): t is string => t !== null).sort();
  const ends = info.indices.map((i) => i.maxTimestamp).filter((t): t is string => t !== null).sort();
  return (
    <p>
      {embeddedStoreLabel(info.indices, readDemoMarker(info.dataDir))}
      {starts.length > 0 && (
        <>
          , from <time dateTime={starts[0]}>{starts[0]}</time> to <time dateTime={ends[ends.length - 1]}>{ends[ends.length - 1]}</time>
        </>
      )}
    </p>
  );
}

export default async function OverviewPage() {
  await pageUser('/');
  const catalogue = await loadCatalogue({ huntsDir: process.env.HUNTBOARD_HUNTS_DIR });
  const described = await describeBackend();
  const runnable: RunAllItem[] = catalogue.hunts.flatMap((hunt) =>
    querySummaries(hunt)
      .filter((q) => q.runnable)
      .map((q) => ({ huntId: hunt.id, huntName: hunt.name, query: q.number, label: q.label })),
  );
  return (
    <>
      <section className="panel" aria-label="Backend">
        {described.ok ? <BackendSummary info={described.info} /> : <p className="error">Backend unavailable: {described.error.message}</p>}
      </section>
      <section className="panel" aria-label="Hunts">
        <h1>Hunts</h1>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Platform</th>
              <th scope="col">MITRE ATT&amp;CK</th>
              <th scope="col">Integration</th>
              <th scope="col">Queries</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {catalogue.hunts.map((hunt) => {
              const queries = querySummaries(hunt);
              return (
                <tr key={hunt.id}>
                  <td>
                    <Link href={`/hunts/${encodeURIComponent(hunt.id)}`}>
                      <strong>{hunt.name}</strong>
                    </Link>
                    <div className="muted">{hunt.description.split('\n')[0]}</div>
                  </td>
                  <td>{hunt.platform ?? ''}</td>
                  <td>
                    <MitreBadges ids={hunt.mitre} />
                  </td>
                  <td>{hunt.integration.join(', ')}</td>
                  <td>
                    <ul className="plain">
                      {queries.map((q) => (
                        <li key={q.number}>
                          {q.runnable ? <Link href={`/hunts/${encodeURIComponent(hunt.id)}?q=${q.number}`}>{q.label}</Link> : q.label}{' '}
                          <span className="muted">{q.language}</span>
                          {q.problem && q.runnable && <span className="error"> (does not parse)</span>}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {queries.some((q) => q.runnable) && (
                      <Link className="button" href={`/hunts/${encodeURIComponent(hunt.id)}`} aria-label={`Run ${hunt.name}`}>
                        Run
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {catalogue.problems.length > 0 && (
          <details>
            <summary className="error">{plural(catalogue.problems.length, 'hunt file')} could not be loaded</summary>
            <ul>
              {catalogue.problems.map((p) => (
                <li key={p.file}>
                  <code>{p.file}</code>: {p.message}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <RunAll items={runnable} />
    </>
  );
}

/** The backend's description, or its configuration problem, as data (the page must render either way). */
async function describeBackend(): Promise<Awaited<ReturnType<Backend['describe']>>> {
  const resolved = backendOrError();
  if (!resolved.ok) return { ok: false, error: { kind: 'bad_request', message: resolved.error.message } };
  return resolved.backend.describe();
}

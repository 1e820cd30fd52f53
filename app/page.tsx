import { createBackend } from '@/lib/backends';
import { loadCatalogue } from '@/lib/hunts/catalogue';
import type { BackendInfo } from '@/lib/backends/types';

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
  const events = info.indices.reduce((n, i) => n + i.docCount, 0);
  return (
    <p>
      Embedded demo data: {events.toLocaleString('en-US')} events in {info.indices.length} indices
      {starts.length > 0 && (
        <>
          , from <time dateTime={starts[0]}>{starts[0]}</time> to <time dateTime={ends[ends.length - 1]}>{ends[ends.length - 1]}</time>
        </>
      )}
    </p>
  );
}

export default async function OverviewPage() {
  const catalogue = await loadCatalogue({ huntsDir: process.env.HUNTBOARD_HUNTS_DIR });
  const described = await createBackend().describe();
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
            </tr>
          </thead>
          <tbody>
            {catalogue.hunts.map((hunt) => (
              <tr key={hunt.id}>
                <td>
                  <strong>{hunt.name}</strong>
                  <div className="muted">{hunt.description.split('\n')[0]}</div>
                </td>
                <td>{hunt.platform ?? ''}</td>
                <td>
                  {hunt.mitre.map((id) => (
                    <a key={id} className="badge" href={`https://attack.mitre.org/techniques/${id.replace('.', '/')}/`} rel="noreferrer" target="_blank">
                      {id}
                    </a>
                  ))}
                </td>
                <td>{hunt.integration.join(', ')}</td>
                <td>
                  {hunt.queries.length} ({hunt.queries.map((q) => q.language).join(', ')})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {catalogue.problems.length > 0 && (
          <details>
            <summary className="error">{catalogue.problems.length} hunt files could not be loaded</summary>
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
    </>
  );
}

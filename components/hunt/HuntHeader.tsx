/** The hunt's identity: name, description, MITRE techniques, notes and references. */
import Link from 'next/link';
import type { HuntInfo } from '@/lib/model/hunt';
import { MitreBadges } from '@/components/MitreBadges';

export function HuntHeader({ hunt, compact = false }: { hunt: HuntInfo; compact?: boolean }) {
  return (
    <header className="panel hunt-header">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Hunts</Link> / <span>{hunt.platform ?? 'hunt'}</span>
      </nav>
      <h1>{hunt.name}</h1>
      <p className="meta">
        <MitreBadges ids={hunt.mitre} /> <span className="muted">Integration: {hunt.integration.join(', ') || '—'}</span>
        {' · '}
        <span className="muted">{hunt.source.kind === 'builtin' ? 'shipped with Huntboard' : hunt.source.file}</span>
      </p>
      {!compact && (
        <>
          <p>{hunt.description.trim()}</p>
          {hunt.notes.length > 0 && (
            <details>
              <summary>Notes ({hunt.notes.length})</summary>
              <ul>
                {hunt.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </details>
          )}
          {hunt.references.length > 0 && (
            <details>
              <summary>References ({hunt.references.length})</summary>
              <ul>
                {hunt.references.map((r) => (
                  <li key={r}>{/^https?:\/\//.test(r) ? <a href={r} rel="noreferrer" target="_blank">{r}</a> : r}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </header>
  );
}

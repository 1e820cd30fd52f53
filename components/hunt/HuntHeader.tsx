/**
 * The hunt's identity on one line — name, MITRE techniques, integration, where it comes from — and
 * its description folded to one line (notes and references with it), so the result comes first.
 */
import Link from 'next/link';
import type { HuntInfo } from '@/lib/model/hunt';
import { plural } from '@/lib/view/text/plural';
import { MitreBadges } from '@/components/MitreBadges';

export function HuntHeader({ hunt, compact = false }: { hunt: HuntInfo; compact?: boolean }) {
  const description = hunt.description.trim();
  const extras = [hunt.notes.length > 0 ? plural(hunt.notes.length, 'note') : '', hunt.references.length > 0 ? plural(hunt.references.length, 'reference') : ''].filter(Boolean);
  return (
    <header className="panel hunt-header">
      <div className="hunt-title">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/" prefetch={false}>Hunts</Link> / <span>{hunt.platform ?? 'hunt'}</span> /
        </nav>
        <h1>{hunt.name}</h1>
        <span className="hunt-badges">
          <MitreBadges ids={hunt.mitre} />
        </span>
        <span className="muted hunt-meta">
          {hunt.integration.join(', ') || '—'} · {hunt.source.kind === 'builtin' ? 'shipped with Huntboard' : hunt.source.file}
        </span>
      </div>
      {!compact && (description !== '' || extras.length > 0) && (
        <details className="fold hunt-description">
          <summary>
            <span className="fold-label">Description{extras.length > 0 ? ` · ${extras.join(' · ')}` : ''}</span>
            <span className="fold-line">{description}</span>
          </summary>
          <div className="fold-body">
            <p>{description}</p>
            {hunt.notes.length > 0 && (
              <>
                <h2 className="fold-heading">Notes</h2>
                <ul>
                  {hunt.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </>
            )}
            {hunt.references.length > 0 && (
              <>
                <h2 className="fold-heading">References</h2>
                <ul>
                  {hunt.references.map((r) => (
                    <li key={r}>{/^https?:\/\//.test(r) ? <a href={r} rel="noreferrer" target="_blank">{r}</a> : r}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </details>
      )}
    </header>
  );
}

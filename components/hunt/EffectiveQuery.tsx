/** The ES|QL that ran, highlighted with a Copy button, and its params (values never enter the text). */
import Link from 'next/link';
import type { EsqlValue } from '@/lib/model/esql';
import { exploreHref } from '@/lib/view/url/explore-url';
import { EsqlCode } from '@/components/EsqlCode';

/**
 * `explore` adds "Open in Explore" with this text and its params. The text that ran already holds
 * its window (rewritten, bounds and now as params), so Explore runs it as written: the same rows.
 */
export function EffectiveQuery({ label, query, params, explore = false }: { label: string; query: string; params: Record<string, EsqlValue>[]; explore?: boolean }) {
  return (
    <section className="effective-query" aria-label={label}>
      <h3>ES|QL that ran</h3>
      {explore && (
        <Link href={exploreHref({ query, params, window: { id: 'hunt' } })} prefetch={false} className="button open-in-explore">
          Open in Explore
        </Link>
      )}
      <EsqlCode query={query} />
      {params.length > 0 && (
        <p className="muted">
          Params: <code>{JSON.stringify(params)}</code>
        </p>
      )}
    </section>
  );
}

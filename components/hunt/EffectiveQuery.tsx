/** The ES|QL that ran, highlighted with a Copy button, and its params (values never enter the text). */
import type { EsqlValue } from '@/lib/model/esql';
import { EsqlCode } from '@/components/EsqlCode';

export function EffectiveQuery({ label, query, params }: { label: string; query: string; params: Record<string, EsqlValue>[] }) {
  return (
    <section className="effective-query" aria-label={label}>
      <h3>ES|QL that ran</h3>
      <EsqlCode query={query} />
      {params.length > 0 && (
        <p className="muted">
          Params: <code>{JSON.stringify(params)}</code>
        </p>
      )}
    </section>
  );
}

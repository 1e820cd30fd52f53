/**
 * The SQL being built: a chain of CTEs, one per command that needs a relation of its own, plus the
 * ORDER BY terms that give the current rows their order. Commands run in the order written
 * (docs/esql-semantics.md §6):
 * each CTE reads the previous one. KEEP/DROP/RENAME only rebind names and add no CTE.
 */
import 'server-only';
import { CompileContext } from './context';

export class Pipeline {
  readonly ctes: { name: string; sql: string }[] = [];
  /**
   * ORDER BY terms valid over the current relation; empty means DuckDB's insertion order
   * (preserved by scans, filters and projections), which is deterministic.
   */
  order: string[] = [];

  constructor(readonly ctx: CompileContext) {}

  get current(): string {
    return this.ctes[this.ctes.length - 1]?.name ?? '';
  }

  add(sql: string): string {
    const name = `s${this.ctes.length}`;
    this.ctes.push({ name, sql });
    this.ctx.relation = name;
    return name;
  }

  withClause(upTo = this.ctes.length): string {
    if (upTo === 0) return '';
    return 'WITH ' + this.ctes.slice(0, upTo).map((c) => `${c.name} AS (${c.sql})`).join(',\n') + '\n';
  }

  orderBy(): string {
    return this.order.length ? ` ORDER BY ${this.order.join(', ')}` : '';
  }
}

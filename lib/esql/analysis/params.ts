/**
 * Binding `?`, `?1` and `?name` to the request's params, typed and checked as Elasticsearch does
 * (docs/esql-semantics.md §2.3).
 * Elasticsearch reports these problems from its parser, so they are `parsing` errors here too.
 */
import type { EsqlParams, EsqlScalar, EsqlValue } from '../../model/esql';
import type { BoundParam } from './analyzed';
import type { Param } from '../ast';
import { AnalysisContext } from './context';
import { findSimilar, suggestionSuffix } from './names';
import type { EsqlType } from '../types';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** JSON scalar → ES|QL type, as Elasticsearch types request params. */
function scalarType(v: EsqlScalar): EsqlType {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'keyword';
  if (Number.isInteger(v)) return v >= INT_MIN && v <= INT_MAX ? 'integer' : 'long';
  return 'double';
}

const NUMERIC_RANK: Partial<Record<EsqlType, number>> = { integer: 1, long: 2, double: 3 };

export function valueType(v: EsqlValue): EsqlType {
  if (!Array.isArray(v)) return scalarType(v);
  let result: EsqlType = 'null';
  for (const item of v) {
    const t = scalarType(item);
    if (result === 'null') result = t;
    else if ((NUMERIC_RANK[t] ?? 0) > (NUMERIC_RANK[result] ?? 0) && NUMERIC_RANK[result]) result = t;
  }
  return result;
}

function isScalar(v: unknown): v is EsqlScalar {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function isValue(v: unknown): v is EsqlValue {
  return isScalar(v) || (Array.isArray(v) && v.every(isScalar));
}

/** Request params as a lookup: unnamed by position, named by name. */
export interface ParamTable {
  unnamed: EsqlValue[];
  named: Map<string, EsqlValue>;
}

export function paramTable(params: EsqlParams | undefined): ParamTable {
  const table: ParamTable = { unnamed: [], named: new Map() };
  for (const entry of params ?? []) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      for (const [name, value] of Object.entries(entry as Record<string, unknown>)) {
        table.named.set(name, unwrapClassified(value));
      }
    } else if (isValue(entry)) {
      table.unnamed.push(entry);
    }
  }
  return table;
}

/** `{"name": {"value": 1}}` is the classified form of `{"name": 1}`. */
function unwrapClassified(value: unknown): EsqlValue {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'value' in value) {
    const inner = (value as { value: unknown }).value;
    return isValue(inner) ? inner : null;
  }
  return isValue(value) ? value : null;
}

/** One error if the query mixes `?`, `?1` and `?name` (Elasticsearch: one style per query). */
export function checkParamStyles(params: Param[], ctx: AnalysisContext): boolean {
  // Elasticsearch checks in token order, naming the first style seen and then the clashing one.
  const all = [...params].sort((a, b) => a.span.start - b.span.start);
  const styles = [...new Set(all.map((p) => p.style))];
  if (styles.length <= 1) return true;
  styles.length = 2;
  const second = all.find((p) => p.style !== all[0].style)!;
  ctx.error(
    second.span,
    `Inconsistent parameter declaration, use one of positional, named or anonymous params but not a combination of ${styles.join(' and ')}`,
    'parsing',
  );
  return false;
}

export function bindParam(param: Param, table: ParamTable, ctx: AnalysisContext): BoundParam | undefined {
  if (param.style === 'named') {
    const name = param.name ?? '';
    if (!table.named.has(name)) {
      const similar = findSimilar(name, table.named.keys());
      ctx.error(param.span, `Unknown query parameter [${name}]${suggestionSuffix(similar)}`, 'parsing');
      return undefined;
    }
    const value = table.named.get(name)!;
    return { type: valueType(value), value };
  }
  const index = param.index ?? 0;
  if (index < 1 || index > table.unnamed.length) {
    const n = table.unnamed.length;
    const hint = n === 0 ? '' : n === 1 ? ', did you mean position 1?' : `, did you mean any position between 1 and ${n}?`;
    ctx.error(param.span, `No parameter is defined for position ${index}${hint}`, 'parsing');
    return undefined;
  }
  const value = table.unnamed[index - 1];
  return { type: valueType(value), value };
}

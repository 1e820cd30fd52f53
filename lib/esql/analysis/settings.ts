/**
 * Validation of the `SET name = value;` query settings (docs/esql-semantics.md §6.9), worded as
 * Elasticsearch's QuerySettings.validate. The embedded engine honours `unmapped_fields` ("fail",
 * "nullify") and a `time_zone` that is UTC (its only zone); every other setting or value is
 * refused with a positioned error rather than silently ignored.
 */
import type { QuerySetting } from '../ast';
import type { AnalysisContext } from './context';

export type UnmappedFields = 'fail' | 'nullify';

export interface QuerySettings {
  unmappedFields: UnmappedFields;
}

export const DEFAULT_SETTINGS: QuerySettings = { unmappedFields: 'fail' };

/** Zone names that are UTC: accepting them changes nothing, as the engine always computes in UTC. */
const UTC_ZONES = new Set(['z', 'utc', 'gmt', 'ut', 'etc/utc', 'etc/gmt', 'utc0', '+00:00', '-00:00', '+00', 'utc+00:00', 'gmt+00:00', '+0000']);

/** The settings in force, or undefined after reporting an error for one of them (the last SET of a name wins). */
export function querySettings(settings: readonly QuerySetting[] | undefined, ctx: AnalysisContext): QuerySettings | undefined {
  const result: QuerySettings = { ...DEFAULT_SETTINGS };
  for (const s of settings ?? []) {
    const value = keywordValue(s);
    switch (s.name) {
      case 'unmapped_fields': {
        if (value === undefined) return typeError(s, ctx);
        const v = value.toLowerCase();
        if (v === 'fail' || v === 'nullify') result.unmappedFields = v;
        // LOAD (snapshot builds only) is refused with the same message, as Elasticsearch's release builds do.
        else return refuse(s, ctx, `Error validating setting [unmapped_fields]: Invalid unmapped_fields resolution [${value}], must be one of [FAIL, NULLIFY]`, 'verification');
        break;
      }
      case 'time_zone':
        if (value === undefined) return typeError(s, ctx);
        if (!UTC_ZONES.has(value.toLowerCase())) {
          return refuse(s, ctx, `SET time_zone [${value}] is not supported by the embedded engine, which computes in UTC only`, 'unsupported');
        }
        break;
      case 'project_routing':
        if (value === undefined) return typeError(s, ctx);
        return refuse(s, ctx, 'Error validating setting [project_routing]: cross-project search not enabled', 'verification');
      case 'approximate':
        return refuse(s, ctx, 'Setting [approximate] is only available in snapshot builds', 'verification');
      default:
        return refuse(s, ctx, `Unknown setting [${s.name}]`, 'parsing');
    }
  }
  return result;
}

function keywordValue(s: QuerySetting): string | undefined {
  return s.value.kind === 'literal' && s.value.value.type === 'string' ? s.value.value.value : undefined;
}

function typeError(s: QuerySetting, ctx: AnalysisContext): undefined {
  return refuse(s, ctx, `Setting [${s.name}] must be of type KEYWORD`, 'parsing');
}

function refuse(s: QuerySetting, ctx: AnalysisContext, message: string, kind: 'parsing' | 'verification' | 'unsupported'): undefined {
  ctx.error(s.span, message, kind);
  return undefined;
}

/**
 * Whether ingest may use the native reader: `HUNTBOARD_NATIVE_INGEST=0` turns it off (`1`, or
 * unset, leaves it on where it is built). Operators who turned it off under its earlier name,
 * `HUNTBOARD_COMPILED_INGEST=0`, keep that answer; when both names are set and disagree neither
 * wins silently: ingest refuses to start, naming both.
 */
import 'server-only';


export type NativeIngestSetting = { kind: 'on' } | { kind: 'off' } | { kind: 'invalid'; message: string };

export const NATIVE_INGEST = 'HUNTBOARD_NATIVE_INGEST';
/** The earlier name, read as it always was: `0` turns the reader off, any other value leaves it on. */
export const LEGACY_NATIVE_INGEST = 'HUNTBOARD_COMPILED_INGEST';

type Env = Record<string, string | undefined>;

export function nativeIngestSetting(env: Env): NativeIngestSetting {
  const current = env[NATIVE_INGEST]?.trim();
  const legacy = env[LEGACY_NATIVE_INGEST];
  if (current !== undefined && current !== '0' && current !== '1') {
    return { kind: 'invalid', message: `${NATIVE_INGEST} must be 0 (off) or 1 (on), not [${current}]` };
  }
  const currentOn = current === undefined ? undefined : current === '1';
  const legacyOn = legacy === undefined ? undefined : legacy !== '0';
  if (currentOn !== undefined && legacyOn !== undefined && currentOn !== legacyOn) {
    return {
      kind: 'invalid',
      message: `${NATIVE_INGEST}=${current} and ${LEGACY_NATIVE_INGEST}=${legacy} (its earlier name) disagree; unset ${LEGACY_NATIVE_INGEST}`,
    };
  }
  return (currentOn ?? legacyOn ?? true) ? { kind: 'on' } : { kind: 'off' };
}

/**
 * The offline bundle: one gzip-compressed JSON document holding what the week's views need to say
 * at the importer what they said at the source: the week's runs of record with their ids, the
 * earlier runs their diffs compare with (baselines), the raw events behind each finding, first
 * seen, the allow-list entries in force, the triage with its history and the sign-off with its
 * snapshot. Everything read back is validated, and decompression is bounded while it happens (a
 * small file can inflate to gigabytes). Version 1 bundles (runs, events, triage) still import.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { TRIAGE_STATUSES } from '../model/triage';
import { BUNDLE_LIMITS, overLimit, type BundleLimits } from './limits';

export const BUNDLE_FORMAT = 'huntboard-bundle';
export const BUNDLE_VERSION = 2;
/** Versions this Huntboard reads: a version 1 bundle lacks the parts version 2 added (read as empty). */
export const READABLE_VERSIONS = [1, 2] as const;
/** Refused beyond this many bytes of JSON, measured while gunzipping. */
export const MAX_BUNDLE_UNCOMPRESSED = 200 * 1024 * 1024;
/** The drill-down's own limit: a finding never carries more events than its page would show. */
export const MAX_EVENTS_PER_FINDING = 10_000;
export const BUNDLE_EXTENSION = '.huntboard.gz';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const value = z.union([scalar, z.array(scalar)]);
const column = z.object({ name: z.string(), type: z.string() });
const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const runBase = {
  id: z.number().int().positive(),
  huntId: z.string().min(1).max(500),
  queryNumber: z.number().int().min(1),
  /** The run's triage group at the source (lib/hunts/finding-group); absent in older bundles. */
  triageQuery: z.number().int().min(1).optional(),
  queryText: z.string(),
  queryHash: z.string(),
  params: z.array(z.record(z.string(), value)),
  window: z.object({ id: z.string(), from: z.string().optional(), to: z.string().optional() }),
  backend: z.object({ kind: z.enum(['elasticsearch', 'embedded']), label: z.string() }),
  trigger: z.enum(['page', 'cli', 'schedule']),
  startedAt: isoDate,
  durationMs: z.number(),
  rowCount: z.number().int().min(0),
};

const runSchema = z.discriminatedUnion('status', [
  z.object({
    ...runBase,
    status: z.literal('ok'),
    columns: z.array(column),
    values: z.array(z.array(value)),
    warnings: z.array(z.string()),
    truncated: z.boolean(),
    isPartial: z.boolean(),
  }),
  z.object({ ...runBase, status: z.literal('failed'), error: z.object({ kind: z.string(), message: z.string() }) }),
]);

const findingRef = { huntId: z.string().min(1), queryNumber: z.number().int().min(1), findingKey: z.string().min(1) };
const status = z.enum(TRIAGE_STATUSES);

const triageSchema = z.object({
  ...findingRef,
  status,
  assignee: z.string().nullable(),
  note: z.string(),
  version: z.number().int().min(1),
  updatedAt: isoDate,
  updatedBy: z.string(),
});

const historySchema = z.object({
  ...findingRef,
  at: isoDate,
  who: z.string(),
  fromStatus: status.nullable(),
  toStatus: status,
  fromAssignee: z.string().nullable(),
  toAssignee: z.string().nullable(),
  note: z.string(),
});

/** A finding's events, or why they could not be read when the bundle was made. */
const eventsSchema = z.union([
  z.object({
    runId: z.number().int().positive(),
    findingKey: z.string().min(1),
    columns: z.array(column),
    values: z.array(z.array(value)).max(MAX_EVENTS_PER_FINDING, `a finding carries at most ${MAX_EVENTS_PER_FINDING} events`),
    truncated: z.boolean(),
  }),
  z.object({ runId: z.number().int().positive(), findingKey: z.string().min(1), error: z.string() }),
]);

const firstSeenSchema = z.object({
  fleet: z.string().nullable(),
  perAgent: z.record(z.string(), z.string()),
  newThisWeek: z.boolean(),
  agentsThisWeek: z.array(z.string()),
});

/**
 * First seen of a run's findings as the source's review showed it (its backend's answer, kept).
 * By name as [name, first seen] pairs, not an object: process names are the attacker's to choose,
 * and a record would lose one named `__proto__`.
 */
const firstSeenAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), byName: z.array(z.tuple([z.string(), firstSeenSchema])), lookbackDays: z.number(), since: z.string() }),
  z.object({ kind: z.literal('not-applicable') }),
  z.object({ kind: z.literal('failed'), message: z.string() }),
]);

const allowEntrySchema = z.object({
  id: z.number().int().positive(),
  processName: z.string().min(1).max(10_000),
  agentId: z.string().nullable(),
  huntId: z.string().nullable(),
  owner: z.string(),
  reason: z.string(),
  createdAt: isoDate,
  expiresAt: isoDate,
  revokedAt: isoDate.nullable(),
});

/** The week's standing sign-off; its snapshot is the week as signed, kept whole (lib/review). */
const signOffSchema = z.object({
  weekStart: z.string(),
  signedBy: z.string(),
  signedAt: isoDate,
  note: z.string(),
  snapshot: z.unknown().optional(),
  snapshotHash: z.string().optional(),
});

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: isoDate,
  week: z.object({ start: isoDate, end: isoDate }),
  source: z.object({ backendLabel: z.string() }),
  runs: z.array(runSchema),
  /** Earlier runs of the same query texts the week's diffs compare with; not part of the week. */
  baselines: z.array(runSchema).default([]),
  triage: z.array(triageSchema),
  history: z.array(historySchema),
  events: z.array(eventsSchema),
  firstSeen: z.array(z.object({ runId: z.number().int().positive(), answer: firstSeenAnswerSchema })).default([]),
  allowList: z.array(allowEntrySchema).default([]),
  signOff: signOffSchema.nullable().default(null),
});

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleRun = Bundle['runs'][number];
export type BundleTriage = Bundle['triage'][number];
export type BundleHistoryEntry = Bundle['history'][number];
export type BundleEvents = Bundle['events'][number];
export type BundleFirstSeen = Bundle['firstSeen'][number];
export type BundleAllowEntry = Bundle['allowList'][number];
export type BundleSignOff = NonNullable<Bundle['signOff']>;

export type Decoded = { ok: true; bundle: Bundle } | { ok: false; message: string };

export function encodeBundle(bundle: Bundle): Buffer {
  return gzipSync(JSON.stringify(bundle));
}

/** The file's identity: importing the same bytes twice is refused by it. */
export function bundleDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface DecodeOptions {
  maxUncompressed?: number;
  limits?: BundleLimits;
}

export function decodeBundle(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const { maxUncompressed = MAX_BUNDLE_UNCOMPRESSED, limits = BUNDLE_LIMITS } = options;
  let json: Buffer;
  try {
    json = gunzipSync(bytes, { maxOutputLength: maxUncompressed });
  } catch (e) {
    if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, message: `The bundle is larger than ${Math.round(maxUncompressed / 1024 / 1024)} MB uncompressed; it is refused.` };
    }
    return { ok: false, message: 'The file is not a Huntboard bundle: it is not gzip-compressed (or it is damaged).' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.toString('utf8'));
  } catch {
    return { ok: false, message: 'The file is not a Huntboard bundle: its content is not JSON (the file may be truncated).' };
  }
  const head = z.object({ format: z.literal(BUNDLE_FORMAT) }).safeParse(parsed);
  if (!head.success) return { ok: false, message: 'The file is not a Huntboard bundle (its format is not “huntboard-bundle”).' };
  const version = (parsed as { version?: unknown }).version;
  if (!(READABLE_VERSIONS as readonly unknown[]).includes(version)) {
    return { ok: false, message: `The bundle is format version ${String(version).slice(0, 20)}; this Huntboard reads versions ${READABLE_VERSIONS.join(' and ')}.` };
  }
  const tooBig = overLimit(parsed, limits);
  if (tooBig) return { ok: false, message: `The bundle is too large to import: ${tooBig}.` };
  const full = bundleSchema.safeParse(parsed);
  if (!full.success) {
    const issue = full.error.issues[0];
    return { ok: false, message: `The bundle is damaged: ${issue.path.join('.') || 'document'}: ${issue.message}.` };
  }
  return { ok: true, bundle: full.data };
}

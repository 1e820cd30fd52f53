/**
 * Client exceptions and Elasticsearch error envelopes → BackendError. The message is the server's
 * root-cause reason or a plain sentence; never a stack trace, never a credential (docs/esql-semantics.md §11.1).
 */
import 'server-only';
import { errors } from '@elastic/elasticsearch';
import { redact } from './config';
import type { BackendError } from '../model/esql';

export interface ErrorContext {
  /** Where the cluster is, for "cannot reach" messages (no userinfo). */
  target: string;
  secrets: readonly string[];
  /** The answer size cap the client was given, named when an answer goes over it. */
  maxResponseBytes?: number;
}

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : `${n.toLocaleString('en-US')} bytes`);

interface EsErrorCause {
  type?: unknown;
  reason?: unknown;
  root_cause?: unknown;
  caused_by?: unknown;
}

export function toBackendError(err: unknown, context: ErrorContext): BackendError {
  const error = classify(err, context);
  return { ...error, message: redact(error.message, context.secrets) };
}

function classify(err: unknown, { target, maxResponseBytes }: ErrorContext): BackendError {
  if (err instanceof errors.ResponseError) return fromResponse(err);
  if (err instanceof errors.ProductNotSupportedError) {
    return {
      kind: 'bad_response',
      message: `The server at ${target} did not identify itself as Elasticsearch (no x-elastic-product header)`,
    };
  }
  if (err instanceof errors.DeserializationError) {
    return { kind: 'bad_response', message: `Elasticsearch at ${target} sent a malformed or truncated response body` };
  }
  if (err instanceof errors.TimeoutError) {
    return { kind: 'timeout', message: `Elasticsearch at ${target} did not answer in time` };
  }
  if (err instanceof errors.RequestAbortedError && /bigger than the maximum allowed/.test(err.message)) {
    // The client stopped reading at the cap: the answer was never parsed, the server kept its turn.
    const cap = maxResponseBytes !== undefined ? formatBytes(maxResponseBytes) : 'the size';
    return {
      kind: 'bad_request',
      message: `The answer from Elasticsearch at ${target} is larger than ${cap}, the most Huntboard reads from one query; it was not read. Add a LIMIT or narrow the time window.`,
    };
  }
  if (err instanceof errors.RequestAbortedError) {
    return { kind: 'cancelled', message: 'The query was cancelled' };
  }
  if (err instanceof errors.ConnectionError || err instanceof errors.NoLivingConnectionsError) {
    return connectionError(err, target);
  }
  return { kind: 'internal', message: 'Unexpected error while talking to Elasticsearch' };
}

function connectionError(err: Error, target: string): BackendError {
  const detail = causeCodes(err);
  // A body cut off mid-stream: the transport rethrows the body error without the socket
  // addresses it adds to request-stage socket errors (UndiciConnection).
  const bodyStage = !err.message.includes(' - Local:') && !/E[A-Z]{4,}|certificate|CERT|SSL|TLS/.test(detail);
  if (bodyStage && /closed|terminated|aborted|mismatch/i.test(err.message)) {
    return { kind: 'bad_response', message: `Elasticsearch at ${target} closed the connection before the response was complete` };
  }
  if (/CERT|SSL|TLS|self[- ]signed|certificate/i.test(detail + err.message)) {
    return { kind: 'unreachable', message: `TLS handshake with ${target} failed: ${firstLine(err.message)}. Check ELASTICSEARCH_CA_CERT / ELASTICSEARCH_TLS_VERIFY` };
  }
  if (detail.includes('ENOTFOUND') || detail.includes('EAI_AGAIN')) {
    return { kind: 'unreachable', message: `Cannot resolve the Elasticsearch host of ${target}` };
  }
  if (detail.includes('ECONNREFUSED')) {
    return { kind: 'unreachable', message: `Connection refused by ${target}: is Elasticsearch running?` };
  }
  return { kind: 'unreachable', message: `Cannot reach Elasticsearch at ${target}: ${firstLine(err.message)}` };
}

/** Error codes along the cause chain (the client wraps the socket error). */
function causeCodes(err: unknown): string {
  const codes: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    codes.push(current.message);
    current = (current as { cause?: unknown }).cause;
  }
  return codes.join(' ');
}

function fromResponse(err: InstanceType<typeof errors.ResponseError>): BackendError {
  const status = err.statusCode ?? err.meta.statusCode ?? 0;
  const envelope = readEnvelope(err.meta.body);
  const reason = envelope.reason ?? `HTTP ${status}`;
  const type = envelope.type;

  if (status === 400) {
    if (type === 'parsing_exception') return { kind: 'parsing', message: reason, status };
    if (type === 'verification_exception') {
      return { kind: /Unknown index/.test(reason) ? 'unknown_index' : 'verification', message: reason, status };
    }
    if (type === 'media_type_header_exception') {
      const detail = envelope.causedBy !== undefined ? `: ${envelope.causedBy}` : '';
      return {
        kind: 'bad_request',
        status,
        message: `${reason}${detail}. The cluster rejected the client's compatibility headers (a 9.x client talking to an 8.x cluster needs compatible-with=8)`,
      };
    }
    return { kind: 'bad_request', message: reason, status };
  }
  if (status === 401) return { kind: 'authentication', message: `Authentication failed: ${reason}. Check ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/ELASTICSEARCH_PASSWORD`, status };
  if (status === 403) return { kind: 'authorization', message: `Not authorized: ${reason}`, status };
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(err.meta.headers?.['retry-after']);
    return {
      kind: 'rate_limited',
      message: `Elasticsearch is rejecting requests (too many requests): ${reason}`,
      status,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (status === 408) return { kind: 'timeout', message: reason, status };
  if (status >= 500) return { kind: 'server', message: `Elasticsearch server error (${status}): ${reason}`, status };
  return { kind: 'bad_request', message: reason, status };
}

/** The root cause's reason when present (it is the specific one), else the top-level reason. */
export function readEnvelope(body: unknown): { type?: string; reason?: string; causedBy?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string') return { reason: error };
  if (typeof error !== 'object' || error === null) return {};
  const top = error as EsErrorCause;
  const roots = Array.isArray(top.root_cause) ? (top.root_cause as EsErrorCause[]) : [];
  const root = roots.find((r) => typeof r?.reason === 'string');
  const causedBy = top.caused_by as EsErrorCause | undefined;
  return {
    type: typeof top.type === 'string' ? top.type : typeof root?.type === 'string' ? root.type : undefined,
    reason: typeof root?.reason === 'string' ? root.reason : typeof top.reason === 'string' ? top.reason : undefined,
    causedBy: typeof causedBy?.reason === 'string' ? causedBy.reason : undefined,
  };
}

export function parseRetryAfter(header: unknown): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(String(value));
  // An HTTP-date: relative to the response, which we approximate by now.
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}

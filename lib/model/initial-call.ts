/**
 * A page's first API call answered by the server while it renders the page: the request it answers
 * (url and body, as the browser would send them) and the answer, so the browser shows the result
 * from the HTML and does not ask again. The answer crosses as JSON text: one string costs React's
 * page payload far less to write and read than an object of 10,000 events' every value. It may
 * still be a promise: the page streams, and a slow backend holds back only the answer's place.
 */
import type { ApiError } from './api';

export type Failed = { ok: false; error: ApiError };

/** JSON text of a `T` (the type says what parsing it gives). */
export type JsonText<T> = string & { readonly __json?: T };

export interface InitialCall<T> {
  url: string;
  body: unknown;
  answer: JsonText<T | Failed> | Promise<JsonText<T | Failed>>;
}

/** The same call once its answer is in and parsed. */
export interface SettledCall<T> {
  url: string;
  body: unknown;
  answer: T | Failed;
}

export function isPending<T>(answer: InitialCall<T>['answer']): answer is Promise<JsonText<T | Failed>> {
  return typeof answer !== 'string';
}

export function jsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}

export function parseJsonText<T>(text: JsonText<T>): T {
  return JSON.parse(text) as T;
}

export const CANCELLED: Failed = { ok: false, error: { kind: 'cancelled', message: 'You cancelled the query.', hint: 'Run it again when you are ready.' } };

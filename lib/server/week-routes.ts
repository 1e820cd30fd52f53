/**
 * The week's API: the Markdown report (GET, anyone who may export) and the lead's sign-off
 * (POST signs, DELETE revokes; same-origin only, by a role that may sign off, in the user's name,
 * at the server's time). The store decides; refusals come back as `{ok: false, error}` with a status.
 */
import { z } from 'zod';
import { revokeSignOff, signOffWeek, MAX_SIGNOFF_NOTE, type RevokeResult, type SignOffResult } from '../review/week-migration';
import { parseWeekStart } from '../review/week';
import { weekMarkdown, weekReportFileName } from '../review/week-markdown';
import { serverAppState } from './app-state';
import { authorize, authorizeWrite } from './authorize';
import { serverNow } from './now';
import { readBody } from './requests';
import { weekView } from './week';

type WeekErrorKind = 'bad_request' | 'forbidden' | 'conflict' | 'not_found';

const headers = { 'cache-control': 'no-store' };
const fail = (status: number, kind: WeekErrorKind, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ ok: false, error: { kind, message }, ...extra }, { status, headers });

const signOffBody = z.object({ week: z.string().max(40), note: z.string().max(MAX_SIGNOFF_NOTE).optional() }).strict();
const revokeBody = z.object({ week: z.string().max(40) }).strict();

export async function getWeekReportRoute(request: Request): Promise<Response> {
  const auth = await authorize(request, 'export');
  if (!auth.ok) return auth.response;
  const week = new URL(request.url).searchParams.get('week');
  const view = await weekView(week ?? undefined);
  if (view.kind === 'invalid') return fail(400, 'bad_request', view.message);
  return new Response(weekMarkdown(view.summary), {
    headers: {
      ...headers,
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${weekReportFileName(view.summary.week.start)}"`,
      'x-content-type-options': 'nosniff',
    },
  });
}

function signOffAnswer(result: SignOffResult): Response {
  if (result.ok) return Response.json({ ok: true, signOff: result.signOff }, { headers });
  switch (result.reason) {
    case 'already-signed':
      return fail(409, 'conflict', result.message, { current: result.current });
    default:
      return fail(400, 'bad_request', result.message);
  }
}

function revokeAnswer(result: RevokeResult): Response {
  if (result.ok) return Response.json({ ok: true, revoked: result.revoked }, { headers });
  return fail(404, 'not_found', result.message);
}

export async function postWeekSignOffRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'sign-off');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, signOffBody);
  if (!body.ok) return fail(400, 'bad_request', body.error.message);
  const week = parseWeekStart(body.value.week);
  if (!week.ok) return fail(400, 'bad_request', week.message);
  return signOffAnswer(signOffWeek(serverAppState(), week.week.start, auth.who.username, serverNow().toISOString(), body.value.note?.trim() ?? ''));
}

export async function deleteWeekSignOffRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'sign-off');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, revokeBody);
  if (!body.ok) return fail(400, 'bad_request', body.error.message);
  const week = parseWeekStart(body.value.week);
  if (!week.ok) return fail(400, 'bad_request', week.message);
  return revokeAnswer(revokeSignOff(serverAppState(), week.week.start, auth.who.username, serverNow().toISOString()));
}

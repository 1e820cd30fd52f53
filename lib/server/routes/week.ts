/**
 * The week's API: the week as JSON (GET, anyone who may view), the Markdown report (GET, anyone who may export; a signed week's is the one
 * frozen at sign-off, with its hash) and the lead's sign-off (POST signs, confirming the untriaged
 * count the lead was shown; DELETE revokes; same-origin only, by a role that may sign off, in the
 * user's name, at the server's time). The store decides; refusals come back as `{ok: false, error}`.
 */
import 'server-only';
import { z } from 'zod';
import { loadCatalogue } from '../../hunts/catalogue';
import { revokeSignOff, MAX_SIGNOFF_NOTE, type RevokeResult } from '../../review/week-signoff';
import { weekOfMonday } from '../../review/week-bounds';
import { snapshotFooter, weekMarkdown, weekReportFileName } from '../../review/week-markdown';
import type { WeekRecord } from '../../review/week-record';
import { signWeek, type SignWeekResult } from '../../review/week-sign';
import { serverAppState } from '../process/app-state';
import { authorize, authorizeWrite } from '../http/authorize';
import { serverNow } from '../process/now';
import { readBody } from '../http/requests';
import { NO_STORE, refusal } from '../http/error-status';
import { apiError } from '../../model/api';
import { huntRefs, weekView } from '../views/week';

const headers = NO_STORE;
const fail = (kind: 'bad_request' | 'conflict' | 'not_found', message: string, extra?: Record<string, unknown>) => refusal(apiError(kind, message), { extra });

/** `untriaged`: the count the lead confirmed signing with; a different current count is refused. */
const signOffBody = z.object({ week: z.string().max(40), note: z.string().max(MAX_SIGNOFF_NOTE).optional(), untriaged: z.number().int().min(0) }).strict();
const revokeBody = z.object({ week: z.string().max(40) }).strict();

export async function getWeekReportRoute(request: Request): Promise<Response> {
  const auth = await authorize(request, 'export');
  if (!auth.ok) return auth.response;
  const week = new URL(request.url).searchParams.get('week');
  const view = await weekView(week ?? undefined);
  if (view.kind === 'invalid') return fail('bad_request', view.message);
  if (view.kind === 'moved') return fail('bad_request', `A week is named by its Monday: ${view.week}.`);
  return new Response(reportOf(view.record), {
    headers: {
      ...headers,
      'content-type': 'text/markdown; charset=utf-8',
      'content-disposition': `attachment; filename="${weekReportFileName(view.record.summary.week.monday)}"`,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** `GET /api/week?week=YYYY-MM-DD`: the week page's content as JSON (as signed, with the changes since, when signed). */
export async function getWeekRoute(request: Request): Promise<Response> {
  const auth = await authorize(request, 'view');
  if (!auth.ok) return auth.response;
  const view = await weekView(new URL(request.url).searchParams.get('week') ?? undefined);
  if (view.kind === 'invalid') return fail('bad_request', view.message);
  if (view.kind === 'moved') return fail('bad_request', `A week is named by its Monday: ${view.week}.`);
  return Response.json({ ok: true, ...view }, { headers });
}

/** A signed week's report is the one it was signed with. */
function reportOf(record: WeekRecord): string {
  return record.kind === 'snapshot' ? `${record.markdown}${snapshotFooter(record.sha256)}` : weekMarkdown(record.summary);
}

function signOffAnswer(result: SignWeekResult): Response {
  if (result.ok) return Response.json({ ok: true, signOff: result.signOff, sha256: result.sha256, untriaged: result.untriaged }, { headers });
  switch (result.reason) {
    case 'already-signed':
      return fail('conflict', result.message, { current: result.current });
    case 'unconfirmed':
      return fail('conflict', result.message, { untriaged: result.untriaged });
    default:
      return fail('bad_request', result.message);
  }
}

function revokeAnswer(result: RevokeResult): Response {
  if (result.ok) return Response.json({ ok: true, revoked: result.revoked }, { headers });
  return fail('not_found', result.message);
}

export async function postWeekSignOffRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'sign-off');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, signOffBody);
  if (!body.ok) return fail('bad_request', body.error.message);
  const week = weekOfMonday(body.value.week);
  if (!week.ok) return fail('bad_request', week.message);
  const hunts = huntRefs((await loadCatalogue()).hunts);
  const { note, untriaged } = body.value;
  return signOffAnswer(signWeek(serverAppState(), week.week, hunts, auth.who.username, serverNow().toISOString(), note?.trim() ?? '', untriaged));
}

export async function deleteWeekSignOffRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'sign-off');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, revokeBody);
  if (!body.ok) return fail('bad_request', body.error.message);
  const week = weekOfMonday(body.value.week);
  if (!week.ok) return fail('bad_request', week.message);
  return revokeAnswer(revokeSignOff(serverAppState(), week.week.monday, auth.who.username, serverNow().toISOString()));
}

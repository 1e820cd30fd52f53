/**
 * `GET /api/runs/[id]?status=&page=`: one run's review as JSON — what the run page shows (the run,
 * its baseline, the counts, a page of findings with triage and first seen, the allow-list applied).
 * For scripts and for checking that an imported run tells the source's story.
 */
import 'server-only';
import { parseReviewQuery } from '../../view/review/review-url';
import { authorize } from '../http/authorize';
import { NO_STORE, refusal } from '../http/error-status';
import { apiError } from '../../model/api';
import { reviewRun, type RunReview } from '../views/run-review';

const headers = NO_STORE;

/** First seen travels as an object: a Map has no JSON. */
function jsonOf(review: RunReview) {
  const { firstSeen } = review;
  return { ok: true, ...review, firstSeen: firstSeen.kind === 'found' ? { ...firstSeen, byName: Object.fromEntries(firstSeen.byName) } : firstSeen };
}

export async function getRunRoute(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await authorize(request, 'view');
  if (!auth.ok) return auth.response;
  const raw = (await context.params).id;
  const id = Number(raw);
  const search = new URL(request.url).searchParams;
  const review = /^[1-9]\d{0,15}$/.test(raw) ? await reviewRun(id, parseReviewQuery({ status: search.get('status') ?? undefined, page: search.get('page') ?? undefined })) : undefined;
  if (!review) return refusal(apiError('not_found', `There is no saved run #${raw.slice(0, 20)}.`));
  return Response.json(jsonOf(review), { headers });
}

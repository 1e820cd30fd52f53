import { getTriageRoute, postTriageRoute } from '@/lib/server/triage-routes';

export const dynamic = 'force-dynamic';

export const GET = getTriageRoute;
export const POST = postTriageRoute;

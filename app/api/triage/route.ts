import { getTriageRoute, postTriageRoute } from '@/lib/server/triage-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getTriageRoute);
export const POST = guarded(postTriageRoute);

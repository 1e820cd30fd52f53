import { getTriageRoute, postTriageRoute } from '@/lib/server/routes/triage';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getTriageRoute);
export const POST = guarded(postTriageRoute);

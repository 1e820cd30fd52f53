import { runEventsRoute } from '@/lib/server/run-events-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(runEventsRoute);

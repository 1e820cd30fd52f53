import { eventsRoute } from '@/lib/server/hunt-routes';

export const dynamic = 'force-dynamic';

export const POST = eventsRoute;

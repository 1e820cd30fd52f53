import { eventRoute } from '@/lib/server/hunt-routes';

export const dynamic = 'force-dynamic';

export const POST = eventRoute;

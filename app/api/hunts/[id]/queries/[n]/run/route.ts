import { runRoute } from '@/lib/server/hunt-routes';

export const dynamic = 'force-dynamic';

export const POST = runRoute;

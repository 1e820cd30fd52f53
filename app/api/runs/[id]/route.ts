import { getRunRoute } from '@/lib/server/run-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getRunRoute);

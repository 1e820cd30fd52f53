import { getWeekRoute } from '@/lib/server/week-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getWeekRoute);

import { getWeekRoute } from '@/lib/server/routes/week';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getWeekRoute);

import { deleteWeekSignOffRoute, postWeekSignOffRoute } from '@/lib/server/week-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postWeekSignOffRoute);
export const DELETE = guarded(deleteWeekSignOffRoute);

import { deleteWeekSignOffRoute, postWeekSignOffRoute } from '@/lib/server/routes/week';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postWeekSignOffRoute);
export const DELETE = guarded(deleteWeekSignOffRoute);

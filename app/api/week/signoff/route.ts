import { deleteWeekSignOffRoute, postWeekSignOffRoute } from '@/lib/server/week-routes';

export const dynamic = 'force-dynamic';

export const POST = postWeekSignOffRoute;
export const DELETE = deleteWeekSignOffRoute;

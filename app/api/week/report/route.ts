import { getWeekReportRoute } from '@/lib/server/week-routes';

export const dynamic = 'force-dynamic';

export const GET = getWeekReportRoute;

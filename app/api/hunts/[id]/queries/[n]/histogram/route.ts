import { histogramRoute } from '@/lib/server/routes/hunts';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(histogramRoute);

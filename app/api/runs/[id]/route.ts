import { getRunRoute } from '@/lib/server/routes/runs';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(getRunRoute);

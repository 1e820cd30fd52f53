import { saveRoute } from '@/lib/server/hunt-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(saveRoute);

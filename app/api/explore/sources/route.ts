import { sourcesRoute } from '@/lib/server/routes/explore';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const GET = guarded(sourcesRoute);

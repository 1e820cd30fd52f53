import { runEventRoute } from '@/lib/server/routes/run-events';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(runEventRoute);

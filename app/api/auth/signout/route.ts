import { postSignoutRoute } from '@/lib/server/routes/auth';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postSignoutRoute);

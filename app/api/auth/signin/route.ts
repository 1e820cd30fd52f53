import { postSigninRoute } from '@/lib/server/auth-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postSigninRoute);

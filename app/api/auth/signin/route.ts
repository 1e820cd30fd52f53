import { postSigninRoute } from '@/lib/server/auth-routes';

export const dynamic = 'force-dynamic';

export const POST = postSigninRoute;

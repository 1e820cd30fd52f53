import { revokeAllowRoute } from '@/lib/server/allow-list-routes';

export const dynamic = 'force-dynamic';

export const POST = revokeAllowRoute;

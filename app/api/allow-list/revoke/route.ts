import { revokeAllowRoute } from '@/lib/server/allow-list-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(revokeAllowRoute);

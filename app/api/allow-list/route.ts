import { addAllowRoute } from '@/lib/server/routes/allow-list';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(addAllowRoute);

import { documentRoute } from '@/lib/server/routes/document';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(documentRoute);

import { postBundleImportRoute } from '@/lib/server/routes/bundles';
import { guarded } from '@/lib/server/http/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postBundleImportRoute);

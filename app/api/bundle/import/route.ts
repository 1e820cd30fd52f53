import { postBundleImportRoute } from '@/lib/server/bundle-routes';
import { guarded } from '@/lib/server/guard';

export const dynamic = 'force-dynamic';

export const POST = guarded(postBundleImportRoute);

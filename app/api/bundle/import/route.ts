import { postBundleImportRoute } from '@/lib/server/bundle-routes';

export const dynamic = 'force-dynamic';

export const POST = postBundleImportRoute;

import { getBundleExportRoute } from '@/lib/server/bundle-routes';

export const dynamic = 'force-dynamic';

export const GET = getBundleExportRoute;

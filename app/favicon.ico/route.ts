import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Browsers ask for /favicon.ico whatever the page declares; answer with the app's SVG icon rather than a 404. */
export async function GET(): Promise<Response> {
  const svg = await readFile(path.join(process.cwd(), 'app/icon.svg'));
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' } });
}

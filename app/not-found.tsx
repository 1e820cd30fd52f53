import Link from 'next/link';
import { connection } from 'next/server';

/** Rendered per request, not prerendered: its scripts then carry the request's CSP nonce. */
export default async function NotFound() {
  await connection();
  return (
    <section className="panel" aria-label="Not found">
      <h1>Not found</h1>
      <p>
        There is nothing at this address. <Link href="/">Back to the hunts</Link>
      </p>
    </section>
  );
}

import type { Metadata } from 'next';
import { InertText } from '@/components/CellValue';
import { RevokeAllow } from '@/components/review/AllowFinding';
import { allAllowEntries, type AllowEntry } from '@/lib/appstate/allow-list';
import { can, refusal } from '@/lib/auth/roles';
import { serverAppState } from '@/lib/server/process/app-state';
import { pageUser } from '@/lib/server/http/authorize';
import { serverNow } from '@/lib/server/process/now';
import '../review.css';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Allow-list · Huntboard' };

function stateOf(entry: AllowEntry, now: string): 'active' | 'expired' | 'revoked' {
  if (entry.revokedAt !== null) return 'revoked';
  return entry.expiresAt > now ? 'active' : 'expired';
}

export default async function AllowListPage() {
  const entries = allAllowEntries(serverAppState());
  const now = serverNow().toISOString();
  const who = await pageUser('/allow-list');
  const denied = can(who.role, 'allow-list') ? undefined : refusal(who.role, 'allow-list');
  return (
    <section className="panel" aria-label="Allow-list">
      <h1>Allow-list</h1>
      <p className="muted">Findings of these processes are hidden from run reviews (counted, and viewable there) until the entry expires or is revoked. Add entries from a run’s findings.</p>
      {entries.length === 0 ? (
        <p>No entries yet.</p>
      ) : (
        <table aria-label="Allow-list entries">
          <thead>
            <tr>
              <th scope="col">Process</th>
              <th scope="col">Agent</th>
              <th scope="col">Hunt</th>
              <th scope="col">Owner</th>
              <th scope="col">Reason</th>
              <th scope="col">Added</th>
              <th scope="col">Expires</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => {
              const state = stateOf(e, now);
              return (
                <tr key={e.id}>
                  <td>
                    <InertText text={e.processName} />
                  </td>
                  <td>{e.agentId === null ? 'every agent' : <InertText text={e.agentId} />}</td>
                  <td>{e.huntId === null ? 'every hunt' : <InertText text={e.huntId} />}</td>
                  <td>
                    <InertText text={e.owner} />
                  </td>
                  <td>
                    <InertText text={e.reason} />
                  </td>
                  <td>
                    <time dateTime={e.createdAt}>{e.createdAt.slice(0, 10)}</time>
                  </td>
                  <td>
                    <time dateTime={e.expiresAt}>{e.expiresAt.slice(0, 10)}</time>
                  </td>
                  <td>{state === 'revoked' ? `revoked ${e.revokedAt!.slice(0, 10)}` : state}</td>
                  <td>{state === 'active' ? <RevokeAllow entryId={e.id} {...(denied ? { disabledReason: denied } : {})} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

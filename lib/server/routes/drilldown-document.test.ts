/**
 * From a drill-down row to its full document on the embedded demo store: the drill-down's rows
 * carry `_id` and `_index` (asked for with METADATA, not shown by default), and `POST
 * /api/document` with them answers every field of that event, beyond the drill-down's columns.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentResponse, EventsResponse } from '../../model/api';
import { eventsRoute } from './hunts';
import { documentRoute } from './document';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';
import { useDemoBackend } from '../testing/demo-backend';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';

async function post<T>(route: (request: Request, context: { params: Promise<{ id: string; n: string }> }) => Promise<Response>, body: unknown): Promise<T> {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) });
  return (await (await route(request, { params: Promise.resolve({ id: HUNT, n: '1' }) })).json()) as T;
}

describe('a drill-down row’s full document', () => {
  useDemoBackend('drill-document', NOW);

  it('the rows carry _id and _index, and each finds its document with every field', async () => {
    const events = await post<EventsResponse>(eventsRoute, { key: ['kworkerds'] });
    if (!events.ok) throw new Error(events.error.message);
    const names = events.result.columns.map((c) => c.name);
    expect(events.effectiveQuery).toMatch(/^FROM \S+ METADATA _id, _index\n/);
    expect(names.slice(-2)).toEqual(['_id', '_index']);
    const ids = events.result.values.map((r) => r[names.indexOf('_id')]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of events.result.values.slice(0, 3)) {
      const [id, index] = [row[names.indexOf('_id')], row[names.indexOf('_index')]];
      const request = new Request(`${TEST_ORIGIN}/api/document`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify({ index, id }) });
      const doc = (await (await documentRoute(request)).json()) as DocumentResponse;
      if (!doc.ok) throw new Error(doc.error.message);
      const fields = Object.fromEntries(doc.result.columns.map((c, i) => [c.name, doc.result.values[0][i]]));
      // every value the drill-down shows, and more fields than it keeps
      for (const [i, name] of names.entries()) if (row[i] !== null) expect(fields[name], name).toEqual(row[i]);
      expect(doc.result.columns.length).toBeGreaterThan(names.length);
    }
  });
});

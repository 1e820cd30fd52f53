import { describe, expect, it } from 'vitest';
import type { EventsResponse } from '../../model/api';
import { PLANTED } from '../../demo';
import { eventsRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';
import { useDemoBackend } from '../testing/demo-backend';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const kworkerds = PLANTED.find((p) => p.name === 'kworkerds')!;

async function events(body: unknown): Promise<{ status: number; body: EventsResponse }> {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) });
  const response = await eventsRoute(request, { params: Promise.resolve({ id: HUNT, n: '1' }) });
  return { status: response.status, body: (await response.json()) as EventsResponse };
}

function column(body: Extract<EventsResponse, { ok: true }>, name: string): unknown[] {
  const i = body.result.columns.findIndex((c) => c.name === name);
  return body.result.values.map((r) => r[i]);
}

describe('drill-down filter for / filter out on the embedded demo store', () => {
  useDemoBackend('event-filters', NOW);

  it('filter for narrows to the value, as a param; filter out keeps the rest', async () => {
    const all = await events({ key: ['kworkerds'] });
    if (!all.body.ok) throw new Error(all.body.error.message);
    expect(all.body.result.values).toHaveLength(kworkerds.count);
    const stamp = column(all.body, '@timestamp')[0] as string;

    const one = await events({ key: ['kworkerds'], filters: [{ field: '@timestamp', value: stamp, negate: false }] });
    if (!one.body.ok) throw new Error(one.body.error.message);
    expect(column(one.body, '@timestamp')).toEqual([stamp]);
    expect(one.body.effectiveQuery).not.toContain(stamp);
    expect(one.body.params).toContainEqual({ f1: stamp });

    const rest = await events({ key: ['kworkerds'], filters: [{ field: '@timestamp', value: stamp, negate: true }] });
    if (!rest.body.ok) throw new Error(rest.body.error.message);
    expect(rest.body.result.values).toHaveLength(kworkerds.count - 1);
    expect(column(rest.body, '@timestamp')).not.toContain(stamp);
  });

  it('ip fields compare through TO_IP; filters combine', async () => {
    const ip = kworkerds.destinations[0].ip;
    const hit = await events({ key: ['kworkerds'], filters: [{ field: 'destination.ip', value: ip, negate: false }, { field: 'destination.port', value: 3333, negate: false }] });
    if (!hit.body.ok) throw new Error(hit.body.error.message);
    expect(hit.body.effectiveQuery).toContain('destination.ip == TO_IP(?f1)');
    expect(column(hit.body, 'destination.ip')).toEqual(Array.from({ length: kworkerds.count }, () => ip));
    const none = await events({ key: ['kworkerds'], filters: [{ field: 'destination.ip', value: ip, negate: true }] });
    if (!none.body.ok) throw new Error(none.body.error.message);
    expect(none.body.result.values).toHaveLength(0);
  });

  it('refuses a field the events lack and an unbounded request with a 400', async () => {
    const unknown = await events({ key: ['kworkerds'], filters: [{ field: 'no.such.field', value: 'x', negate: false }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ ok: false, error: { message: expect.stringContaining('[no.such.field]') } });
    const many = await events({ key: ['kworkerds'], filters: Array.from({ length: 21 }, () => ({ field: 'host.name', value: 'a', negate: false })) });
    expect(many.status).toBe(400);
  });
});

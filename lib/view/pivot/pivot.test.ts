import { describe, expect, it } from 'vitest';
import type { WindowInfo } from '../../model/api';
import { parse } from '../../esql';
import { parseExploreHref } from './testing/explore-href';
import { ecsFieldOf } from './ecs-fields';
import { pivotFor, type PivotContext } from './pivot';
import { fromSources } from './sources';
import { windowChoiceOf } from './window';

const SOURCES = ['logs-endpoint.events.network-*'];
const sevenDays: WindowInfo = { id: '7d', description: 'last 7 days', from: '2026-01-01T00:00:00.000Z', to: '2026-01-08T00:00:00.000Z', openEnded: true };
const ctx: PivotContext = { sources: SOURCES, window: sevenDays };

describe('pivots', () => {
  it('destination.ip: the IP across the fleet, compared through TO_IP, the value as a param', () => {
    const p = pivotFor('destination.ip', 'ip', '203.0.113.9', ctx)!;
    expect(p.kind).toBe('destination');
    expect(p.link.query).toBe('FROM logs-endpoint.events.network-* METADATA _id, _index\n| WHERE destination.ip == TO_IP(?dst1)\n| SORT @timestamp DESC');
    expect(p.link.params).toEqual([{ dst1: '203.0.113.9' }]);
    expect(p.link.query).not.toContain('203.0.113.9');
    expect(p.link.window).toEqual({ id: '7d' });
    expect(parse(p.link.query).ok).toBe(true);
  });

  it('its href carries the query, params and window', () => {
    const p = pivotFor('destination.ip', 'ip', '203.0.113.9', ctx)!;
    const url = parseExploreHref(p.href);
    expect(url.path).toBe('/explore');
    expect(url.esql).toBe(p.link.query);
    expect(url.params).toEqual([{ dst1: '203.0.113.9' }]);
    expect(url.window).toBe('7d');
  });

  it('host, process, user pivots by their ECS field', () => {
    expect(pivotFor('host.name', 'keyword', 'web-1', ctx)!.link.query).toContain('WHERE host.name == ?host1');
    expect(pivotFor('agent.id', 'keyword', 'a-1', ctx)!.link.query).toContain('WHERE agent.id == ?agent1');
    expect(pivotFor('process.executable', 'keyword', '/usr/bin/curl', ctx)!.link.query).toContain('WHERE process.executable == ?exe1');
    expect(pivotFor('user.name', 'keyword', 'root', ctx)!.link.query).toContain('WHERE user.name == ?user1');
    expect(pivotFor('process.entity_id', 'keyword', 'e1', ctx)!.link.query).toContain('WHERE process.entity_id == ?p1 OR process.parent.entity_id == ?p1');
  });

  it('context columns pivot as their ECS field; counts and unknown fields do not pivot', () => {
    expect(ecsFieldOf('host_names')).toBe('host.name');
    expect(pivotFor('host_names', 'keyword', 'web-1', ctx)!.link.query).toContain('WHERE host.name == ?host1');
    expect(pivotFor('users', 'keyword', 'root', ctx)!.link.params).toEqual([{ user1: 'root' }]);
    expect(pivotFor('destinations', 'long', 3, ctx)).toBeUndefined();
    expect(pivotFor('event.kind', 'keyword', 'event', ctx)).toBeUndefined();
    expect(pivotFor('host.name', 'keyword', null, ctx)).toBeUndefined();
    expect(pivotFor('host.name', 'keyword', 'x', { sources: [], window: undefined })).toBeUndefined();
  });

  it('a hostile value stays a param: the text does not change with it', () => {
    const evil = 'x" | DROP host.name | WHERE "1" == "1';
    const p = pivotFor('host.name', 'keyword', evil, ctx)!;
    expect(p.link.query).toBe(pivotFor('host.name', 'keyword', 'benign', ctx)!.link.query);
    expect(p.link.params).toEqual([{ host1: evil }]);
  });

  it('sources needing quotes are printed quoted and parse back', () => {
    const p = pivotFor('host.name', 'keyword', 'h', { sources: ['logs-a', 'metadata'], window: undefined })!;
    const parsed = parse(p.link.query);
    expect(parsed.ok).toBe(true);
    expect(fromSources(p.link.query)).toEqual(['logs-a', 'metadata']);
  });
});

describe('the window a pivot opens with', () => {
  it('keeps a preset, makes other bounded windows absolute, and runs as written without bounds', () => {
    expect(windowChoiceOf(sevenDays)).toEqual({ id: '7d' });
    expect(windowChoiceOf({ id: 'custom', description: '', from: 'a', to: 'b' })).toEqual({ id: 'custom', from: 'a', to: 'b' });
    expect(windowChoiceOf({ id: 'hunt', description: 'last 3 days', from: 'a', to: 'b', openEnded: true })).toEqual({ id: 'custom', from: 'a', to: 'b' });
    expect(windowChoiceOf({ id: 'hunt', description: 'no time window (all data)' })).toEqual({ id: 'hunt' });
    expect(windowChoiceOf(undefined)).toEqual({ id: 'hunt' });
  });
});

describe('fromSources', () => {
  it('reads the FROM patterns of a query, nothing for ROW or junk', () => {
    expect(fromSources('FROM a-*, b | LIMIT 1')).toEqual(['a-*', 'b']);
    expect(fromSources('ROW a = 1')).toEqual([]);
    expect(fromSources('FROM |')).toEqual([]);
  });
});

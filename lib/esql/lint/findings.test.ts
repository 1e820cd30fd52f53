import { describe, expect, it } from 'vitest';
import { effectiveLimit, lintQuery, resultFindings, type LintFinding } from './findings';
import { parsed, roundTrip, SEED_ALL_USERS, SEED_ROOT_ONLY } from '../testing/hunt-queries';
import { print } from '../syntax/printer';

const lint = (text: string) => lintQuery(parsed(text), text);
const codes = (findings: LintFinding[]) => findings.map((f) => f.code);
const NET = 'from logs-endpoint.events.network-*';

describe('limit-before-sort', () => {
  it.each([
    ['all users', SEED_ALL_USERS],
    ['root only', SEED_ROOT_ONLY],
  ])('flags the seed query (%s) at its LIMIT and offers the top-100 variant', (_, text) => {
    const findings = lint(text).filter((f) => f.code === 'limit-before-sort');
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f.severity).toBe('warning');
    expect(text.slice(f.span.start, f.span.end)).toBe('limit 100');
    expect([f.line, f.column]).toEqual([7, 3]);
    expect(f.message).toContain('not the top 100 by connection_count, unique_agent_count');
    expect(f.fix?.label).toBe('SORT before LIMIT: top 100 by connection_count, unique_agent_count');
    const fixed = print(f.fix!.query);
    expect(fixed).toMatch(/\| WHERE connection_count <= 5 AND unique_agent_count == 1 \| SORT connection_count, unique_agent_count ASC \| LIMIT 100$/);
    // The fix is runnable ES|QL and no longer has the problem.
    const again = roundTrip(f.fix!.query);
    expect(codes(lintQuery(again.query, again.text))).not.toContain('limit-before-sort');
    expect(again.analyzed.output.map((c) => c.name)).toEqual(['connection_count', 'unique_agent_count', 'process.name']);
  });

  it('is silent when the rows were sorted before the LIMIT', () => {
    expect(codes(lint(`${NET} | sort @timestamp desc | limit 10 | sort host.name`))).toEqual([]);
    expect(codes(lint(`${NET} | sort host.name | limit 10`))).toEqual([]);
  });

  it('does not count a SORT that a later STATS made meaningless', () => {
    const text = `${NET} | sort host.name | stats c = count(*) by host.name | limit 5 | sort c desc`;
    const [f] = lint(text);
    expect(f.code).toBe('limit-before-sort');
    expect(f.fix?.label).toBe('SORT before LIMIT: top 5 by c DESC');
    expect(print(f.fix!.query)).toBe('FROM logs-endpoint.events.network-* | SORT host.name | STATS c = COUNT(*) BY host.name | SORT c DESC | LIMIT 5');
  });

  it('ignores a LIMIT that feeds a STATS (a different question than top-n)', () => {
    expect(codes(lint(`${NET} | limit 10 | stats c = count(*) by host.name | sort c`))).toEqual([]);
  });

  it('keeps commands between LIMIT and SORT ahead of the moved LIMIT, so sort keys stay defined', () => {
    const text = `${NET} | limit 20 | eval port = destination.port | sort port desc, host.name`;
    const [f] = lint(text);
    expect(f.fix?.label).toBe('SORT before LIMIT: top 20 by port DESC, host.name');
    expect(print(f.fix!.query)).toBe('FROM logs-endpoint.events.network-* | EVAL port = destination.port | SORT port DESC, host.name | LIMIT 20');
    roundTrip(f.fix!.query);
  });

  it('positions a finding on a later line by Elasticsearch counting', () => {
    const text = `${NET}\n| keep host.name\n|   limit 3\n| sort host.name`;
    const [f] = lint(text);
    expect([f.code, f.line, f.column]).toEqual(['limit-before-sort', 3, 5]);
  });
});

describe('hardcoded-time-window', () => {
  it('points at the seed window predicate as information', () => {
    const findings = lint(SEED_ALL_USERS).filter((f) => f.code === 'hardcoded-time-window');
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('info');
    expect(SEED_ALL_USERS.slice(findings[0].span.start, findings[0].span.end)).toBe('@timestamp > now() - 7 day');
    expect([findings[0].line, findings[0].column]).toEqual([2, 9]);
    expect(findings[0].fix).toBeUndefined();
  });

  it.each([
    '@timestamp >= now() - 1 hour',
    'now() - 30d < @timestamp',
    'now() - 2 weeks <= @timestamp',
    '@timestamp < now() - 1 day',
  ])('recognises %s, also inside an AND chain', (predicate) => {
    const text = `${NET} | where host.name == "a" and ${predicate} | limit 5`;
    const found = lint(text).filter((f) => f.code === 'hardcoded-time-window');
    expect(found.map((f) => text.slice(f.span.start, f.span.end))).toEqual([predicate]);
    expect(found[0].message).toContain('window control replaces it');
  });

  it('says the control leaves a predicate under OR alone', () => {
    const text = `${NET} | where host.name == "a" or @timestamp > now() - 1 day | limit 5`;
    const [f] = lint(text);
    expect(f.code).toBe('hardcoded-time-window');
    expect(f.message).toContain('leaves it as written');
  });

  it('ignores other timestamp comparisons', () => {
    expect(codes(lint(`${NET} | where @timestamp > "2026-01-01" and event.action == "x" | limit 5`))).toEqual([]);
    expect(codes(lint(`${NET} | where process.pid > 7 | limit 5`))).toEqual([]);
  });
});

describe('no-limit', () => {
  it('notes the implicit 1000-row limit at the last command', () => {
    const text = `${NET} | stats c = count(*) by host.name | sort c desc`;
    const findings = lint(text);
    expect(codes(findings)).toEqual(['no-limit']);
    expect(text.slice(findings[0].span.start, findings[0].span.end)).toBe('sort c desc');
    expect(findings[0].message).toContain('1000');
  });
});

describe('resultFindings / effectiveLimit', () => {
  it.each([
    [SEED_ALL_USERS, 100],
    [`${NET} | keep host.name`, 1000],
    [`${NET} | limit 50000`, 10000],
    [`${NET} | limit 10 | stats c = count(*) by host.name`, 10000],
    [`${NET} | limit 5 | limit 30`, 5],
    [`${NET} | sort host.name | limit 30 | where host.name != "x"`, 30],
  ])('%s → %i', (text, limit) => {
    expect(effectiveLimit(parsed(text))).toBe(limit);
  });

  it('says the list may be incomplete only when the row count reaches the limit', () => {
    const query = parsed(SEED_ALL_USERS);
    expect(resultFindings(query, 99)).toEqual([]);
    const [f] = resultFindings(query, 100, SEED_ALL_USERS);
    expect(f.code).toBe('possibly-truncated');
    expect(f.message).toContain('list may be incomplete');
    expect(SEED_ALL_USERS.slice(f.span.start, f.span.end)).toBe('limit 100');
    expect([f.line, f.column]).toEqual([7, 3]);
    expect(resultFindings(parsed(`${NET} | keep host.name`), 1000)[0].code).toBe('possibly-truncated');
  });
});

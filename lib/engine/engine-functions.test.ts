/**
 * DATE_DIFF, DATE_EXTRACT, DATE_PARSE, BUCKET, GREATEST, LEAST, MV_MEDIAN, MV_CONTAINS, IP_PREFIX,
 * MEDIAN and PERCENTILE through the whole engine, mostly on the examples of Elasticsearch's docs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const engine = createEmbeddedEngine({ dataDir: tempDir(), now: () => NOW });
afterAll(() => engine.close());

async function values(query: string): Promise<unknown[][]> {
  const r = await engine.query({ query, now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.response.values;
}

async function failure(query: string): Promise<{ kind: string; message: string }> {
  const r = await engine.query({ query, now: NOW });
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

describe('date functions', () => {
  it('DATE_DIFF counts complete units, in any alias', async () => {
    expect(await values('row a = to_datetime("2023-12-02T11:00:00.000Z"), b = to_datetime("2023-12-02T11:00:00.001Z") | eval us = date_diff("microseconds", a, b), ms = date_diff("ms", a, b) | keep us, ms')).toEqual([[1000, 1]]);
    const edge = 'row end = to_datetime("2024-01-01T00:00:00.000Z"), start = to_datetime("2023-12-31T23:59:59.999Z")';
    expect(await values(`${edge} | eval y = date_diff("year", start, end), m = date_diff("month", start, end), d = date_diff("dd", start, end), ms = date_diff("millisecond", start, end) | keep y, m, d, ms`)).toEqual([[0, 0, 0, 1]]);
    expect(await values('row a = to_datetime("2023-01-31T00:00:00Z"), b = to_datetime("2023-03-01T00:00:00Z") | eval m = date_diff("month", a, b), back = date_diff("days", b, a), w = date_diff("week", a, b) | keep m, back, w')).toEqual([[1, -29, 4]]);
  });

  it('DATE_DIFF reads string constants as dates; overflow is null with a warning; a bad unit is an error', async () => {
    expect(await values('row d = to_datetime("2023-01-01T10:15:00Z") | eval diff = date_diff("day", d, "2023-03-01T00:00:00Z") | keep diff')).toEqual([[58]]);
    const r = await engine.query({ query: 'row a = to_datetime("1970-01-01T00:00:00Z"), b = to_datetime("2023-01-01T00:00:00Z") | eval n = date_diff("nanoseconds", a, b) | keep n', now: NOW });
    expect(r.ok && r.response.values).toEqual([[null]]);
    expect(r.ok && r.response.warnings.some((w) => w.includes('evaluation of [date_diff("nanoseconds", a, b)] failed'))).toBe(true);
    expect((await failure('row a = now() | eval x = date_diff("fortnight", a, a)')).message).toContain('[fortnight] is not valid date unit');
  });

  it('DATE_EXTRACT reads ChronoField names, case-insensitively', async () => {
    expect(await values('row date = date_parse("yyyy-MM-dd", "2022-05-06") | eval year = date_extract("year", date) | keep year')).toEqual([[2022]]);
    const t = 'row t = to_datetime("2024-02-29T13:45:30.123Z")';
    expect(
      await values(`${t} | eval m = date_extract("MONTH_OF_YEAR", t), dom = date_extract("day_of_month", t), dow = date_extract("day_of_week", t), doy = date_extract("day_of_year", t), h = date_extract("hour_of_day", t), mi = date_extract("minute_of_hour", t), s = date_extract("second_of_minute", t), ms = date_extract("milli_of_second", t), ampm = date_extract("ampm_of_day", t), ed = date_extract("epoch_day", t) | drop t`),
    ).toEqual([[2, 29, 4, 60, 13, 45, 30, 123, 1, 19782]]);
  });

  it('DATE_PARSE with a Java pattern; unparseable text is null with a warning', async () => {
    expect(await values('row date_string = "2022-05-06" | eval date = date_parse("yyyy-MM-dd", date_string)')).toEqual([['2022-05-06', '2022-05-06T00:00:00.000Z']]);
    expect(await values('row s = "2023-01-02T03:04:05Z" | eval d = date_parse(s) | keep d')).toEqual([['2023-01-02T03:04:05.000Z']]);
    expect(await values('row s = "2023/01/02 03:04:05.678" | eval d = date_parse("yyyy/MM/dd HH:mm:ss.SSS", s) | keep d')).toEqual([['2023-01-02T03:04:05.678Z']]);
    const r = await engine.query({ query: 'row s = "not a date" | eval d = date_parse("yyyy-MM-dd", s) | keep d', now: NOW });
    expect(r.ok && r.response.values).toEqual([[null]]);
    expect(r.ok && r.response.warnings.some((w) => w.endsWith(': java.lang.IllegalArgumentException: failed to parse date field [not a date] with format [yyyy-MM-dd]'))).toBe(true);
  });

  it('BUCKET with a time span groups dates like DATE_TRUNC; a numeric span rounds numbers down', async () => {
    const dates = 'row d = ["2023-01-01T10:15:00Z", "2023-01-01T10:45:00Z", "2023-01-01T11:05:00Z", "2023-02-03T00:00:00Z"] | mv_expand d | eval t = to_datetime(d)';
    expect(await values(`${dates} | stats c = count(*) by b = bucket(t, 1 hour) | sort b`)).toEqual([
      [2, '2023-01-01T10:00:00.000Z'],
      [1, '2023-01-01T11:00:00.000Z'],
      [1, '2023-02-03T00:00:00.000Z'],
    ]);
    expect(await values(`${dates} | stats c = count(*) by b = bucket(t, 1 month) | sort b`)).toEqual([
      [3, '2023-01-01T00:00:00.000Z'],
      [1, '2023-02-01T00:00:00.000Z'],
    ]);
    expect(await values('row x = [1, 7, 12, 25] | mv_expand x | stats c = count(*) by b = bucket(x, 10.0) | sort b')).toEqual([
      [2, 0],
      [1, 10],
      [1, 20],
    ]);
    expect((await failure('row t = now() | stats c = count(*) by b = bucket(t, 20, "2023-01-01T00:00:00Z", "2023-12-31T00:00:00Z")')).kind).toBe('unsupported');
  });
});

describe('comparison and multi-value functions', () => {
  it('GREATEST and LEAST: the documented example, multi-values reduced first, null if any is null', async () => {
    expect(await values('row a = 10, b = 20 | eval g = greatest(a, b), l = least(a, b)')).toEqual([[10, 20, 20, 10]]);
    expect(await values('row a = [1, 30], b = 20 | eval g = greatest(a, b), l = least(a, b) | keep g, l')).toEqual([[30, 1]]);
    expect(await values('row a = "apple", b = "pear" | eval g = greatest(a, b) | keep g')).toEqual([['pear']]);
    expect(await values('row a = 1, b = null | eval g = greatest(a, b) | keep g')).toEqual([[null]]);
  });

  it('MV_MEDIAN: the middle value, or the mean of the two middle ones (rounded down for integers)', async () => {
    expect(await values('row a = [3, 5, 1] | eval m = mv_median(a) | keep m')).toEqual([[3]]);
    expect(await values('row a = [3, 7, 1, 6] | eval m = mv_median(a) | keep m')).toEqual([[4]]);
    expect(await values('row a = [3.0, 7.0, 1.0, 6.0] | eval m = mv_median(a) | keep m')).toEqual([[4.5]]);
  });

  it('MV_CONTAINS: every value of the subset is in the superset; null is the empty set', async () => {
    expect(await values('row set = ["a", "b", "c"], element = "a" | eval c = mv_contains(set, element) | keep c')).toEqual([[true]]);
    expect(await values('row set = ["a", "b", "c"] | eval yes = mv_contains(set, ["a", "c"]), no = mv_contains(set, ["a", "z"]), empty = mv_contains(set, null), none = mv_contains(null, "a") | keep yes, no, empty, none')).toEqual([[true, false, true, false]]);
  });

  it('IP_PREFIX: the documented example, and the edges of the prefix lengths', async () => {
    expect(await values('row ip4 = to_ip("1.2.3.4"), ip6 = to_ip("fe80::cae2:65ff:fece:feb9") | eval ip4_prefix = ip_prefix(ip4, 24, 0), ip6_prefix = ip_prefix(ip6, 0, 112)')).toEqual([
      ['1.2.3.4', 'fe80::cae2:65ff:fece:feb9', '1.2.3.0', 'fe80::cae2:65ff:fece:0'],
    ]);
    expect(await values('row ip = to_ip("192.168.255.77") | eval a = ip_prefix(ip, 17, 0), b = ip_prefix(ip, 32, 0), c = ip_prefix(ip, 0, 0) | keep a, b, c')).toEqual([['192.168.128.0', '192.168.255.77', '0.0.0.0']]);
    // Out of range is null plus a warning, as Elasticsearch answers (ip.csv-spec ipPrefixWithWrongLengths).
    expect(await values('row ip = to_ip("1.2.3.4") | eval a = ip_prefix(ip, 33, 0), b = ip_prefix(ip, 8 * 3, 0) | keep a, b')).toEqual([[null, '1.2.3.0']]);
  });
});

describe('MEDIAN and PERCENTILE', () => {
  it('interpolate between ranks, over every value of multi-valued rows too', async () => {
    expect(await values('row x = [1, 2, 3, 10] | mv_expand x | stats m = median(x), p0 = percentile(x, 0), p50 = percentile(x, 50), p100 = percentile(x, 100)')).toEqual([[2.5, 1, 2.5, 10]]);
    expect(await values('row x = [1, 2, 3, 10] | stats m = median(x), p = percentile(x, 99)')).toEqual([[2.5, 9.79]]);
    expect(await values('row g = ["a", "a", "b"], x = [5, 1, 9] | mv_expand g | stats m = median(x) by g | sort g')).toEqual([
      [5, 'a'],
      [5, 'b'],
    ]);
  });

  it('a percentile outside [0, 100] is an error', async () => {
    expect((await failure('row x = 1 | stats p = percentile(x, 101)')).message).toContain('Percentile must be in the range [0, 100]');
  });
});

describe('the new functions over well-typed and mistyped arguments', () => {
  it('answer ok or with a typed error, never an internal one', async () => {
    const { default: fc } = await import('fast-check');
    const row =
      'row i = 7, l = 9000000000, d = 2.5, k = "2024-01-02", b = true, t = to_datetime("2024-01-02T03:04:05Z"), ip = to_ip("10.1.2.3"), ip6 = to_ip("fe80::1"), mi = [1, 5, 3], mk = ["a", "b"], md = [1.5, 2.5]';
    const groups = [
      ['i', '24', 'mi', 'null', '-5'],
      ['l', 'to_long(3)', 'null'],
      ['d', '3.5', 'md', 'null'],
      ['k', '"x"', 'mk', 'null'],
      ['ip', 'ip6', 'to_ip("1.1.1.1")', 'null'],
      ['t', 'now()', 'null'],
      ['b', 'true', 'null'],
    ];
    const same = fc.constantFrom(...groups).chain((g) => fc.array(fc.constantFrom(...g), { minLength: 1, maxLength: 3 }));
    const date = fc.constantFrom('t', '"2024-01-01"', 'null', 'now()', 'k');
    const pick = (...xs: string[]) => fc.constantFrom(...xs);
    const call = fc.oneof(
      fc.tuple(pick('"year"', '"ms"', '"ns"', '"week"', '"dd"', '"quarter"', '"bogus"'), date, date).map((a) => `date_diff(${a.join(', ')})`),
      fc.tuple(pick('"year"', '"day_of_week"', '"epoch_day"', '"instant_seconds"', '"ALIGNED_WEEK_OF_YEAR"', '"nope"'), date).map((a) => `date_extract(${a.join(', ')})`),
      fc.tuple(pick('"yyyy-MM-dd"', '"HH:mm"', '"yyyy"', '"dd/MM/yyyy"', '"Q"', '"\'T\'yyyy"'), pick('k', '"x"', 'null', 'mk', '"12:30"')).map((a) => `date_parse(${a.join(', ')})`),
      fc.tuple(pick('greatest', 'least'), same).map(([f, a]) => `${f}(${a.join(', ')})`),
      pick('mi', 'i', 'd', 'l', 'null', 'md', '[-3, -2]').map((a) => `mv_median(${a})`),
      fc.tuple(same, same).map(([a, b]) => `mv_contains(${a[0]}, ${b[0]})`),
      fc.tuple(pick('ip', 'ip6', 'null', 'to_ip("1.2.3.4")'), pick('0', '1', '31', '32', '33', 'i'), pick('0', '64', '127', '128', '129')).map((a) => `ip_prefix(${a.join(', ')})`),
    );
    const agg = fc.tuple(pick('i', 'l', 'd', 'mi', 'md', 'null'), pick('0', '50', '99.9', '100', '-1', 'i')).map(([x, p]) => `median(${x}), y = percentile(${x}, ${p})`);
    const queries = [
      ...fc.sample(call, { numRuns: 400, seed: 11 }).map((c) => `${row} | eval x = ${c} | stats n = count(*) by b2 = bucket(t, 1 day), x`),
      ...fc.sample(agg, { numRuns: 60, seed: 12 }).map((a) => `${row} | stats x = ${a}`),
    ];
    const internal: string[] = [];
    let ok = 0;
    for (const q of new Set(queries)) {
      const r = await engine.query({ query: q, now: NOW });
      if (r.ok) ok++;
      else if (r.error.kind === 'internal') internal.push(`${q}\n→ ${r.error.message}`);
    }
    expect(internal).toEqual([]);
    expect(ok).toBeGreaterThan(100);
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { loadHuntText, locateHuntFile, type HuntOrigin } from './loader';
import { huntToml } from './testing/fixtures';

const origin: HuntOrigin = { source: { kind: 'directory', file: 'linux/queries/rare.toml' }, id: 'rare', platform: 'linux' };

function loadOk(text: string) {
  const result = loadHuntText(text, origin);
  if (!result.ok) throw new Error(`expected a hunt, got: ${result.problem.message}`);
  return result;
}

describe('loadHuntText', () => {
  it('loads a valid hunt with all its fields and a parsed ES|QL query', () => {
    const { hunt, warnings } = loadOk(huntToml({ extra: 'references = ["https://example.com"]\n' }));
    expect(warnings).toEqual([]);
    expect(hunt).toMatchObject({
      id: 'rare',
      platform: 'linux',
      uuid: '00000000-0000-4000-8000-000000000001',
      name: 'Rare Things',
      description: 'Finds rare things.\n',
      author: 'Elastic',
      license: 'Elastic License v2',
      integration: ['endpoint'],
      language: ['ES|QL'],
      mitre: ['T1071.001'],
      notes: ['Look at the rare ones.'],
      references: ['https://example.com'],
      source: { kind: 'directory', file: 'linux/queries/rare.toml' },
    });
    expect(hunt.queries).toHaveLength(1);
    const [query] = hunt.queries;
    expect(query).toMatchObject({ number: 1, language: 'ES|QL', text: 'from logs-* | limit 1\n' });
    expect(query.language === 'ES|QL' && query.parsed.ok).toBe(true);
  });

  it('defaults the optional lists', () => {
    const { hunt } = loadOk(huntToml({ omit: ['notes', 'mitre'] }));
    expect(hunt.notes).toEqual([]);
    expect(hunt.mitre).toEqual([]);
    expect(hunt.references).toEqual([]);
  });

  it('reports missing required keys as a problem', () => {
    const result = loadHuntText(huntToml({ omit: ['uuid', 'license'] }), origin);
    expect(result).toEqual({
      ok: false,
      problem: { file: 'linux/queries/rare.toml', message: 'missing required keys [uuid], [license] in [hunt]' },
    });
  });

  it('reports a missing [hunt] table, wrong types and an empty query list', () => {
    expect(loadHuntText('[rule]\nname = "x"\n', origin)).toMatchObject({ ok: false, problem: { message: 'missing [hunt] table' } });
    const wrongType = huntToml().replace('integration = ["endpoint"]', 'integration = "endpoint"');
    expect(loadHuntText(wrongType, origin)).toMatchObject({ ok: false, problem: { message: '[hunt].integration must be a list of strings' } });
    expect(loadHuntText(huntToml({ queries: [] }), origin)).toMatchObject({ ok: false, problem: { message: '[hunt].query must not be empty' } });
  });

  it('reports invalid TOML with the parser message', () => {
    const result = loadHuntText('[hunt]\nname = "unterminated\n', origin);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/^invalid TOML: /);
  });

  it('classifies each query of a mixed-language hunt', () => {
    const { hunt } = loadOk(
      huntToml({
        language: ['ES|QL', 'SQL'],
        queries: ['SELECT * FROM processes;\n', 'FROM logs-endpoint.events.process-*\n| limit 5\n'],
      }),
    );
    expect(hunt.queries.map((q) => [q.number, q.language])).toEqual([
      [1, 'SQL'],
      [2, 'ES|QL'],
    ]);
    expect(hunt.queries[0]).not.toHaveProperty('parsed');
  });

  it('keeps EQL queries as shown-only', () => {
    const { hunt } = loadOk(huntToml({ language: ['EQL'], queries: ['sequence by host.id [process where true]\n'] }));
    expect(hunt.queries[0]).toEqual({ number: 1, language: 'EQL', text: 'sequence by host.id [process where true]\n' });
  });

  it('treats a stray `sql` line before an ES|QL query as a broken ES|QL query', () => {
    const { hunt } = loadOk(
      huntToml({ language: ['ES|QL', 'SQL'], queries: ['sql\nfrom logs-endpoint.events.file-*\n| where file.path like "/etc/*"\n| limit 10\n'] }),
    );
    const [query] = hunt.queries;
    expect(query.language).toBe('ES|QL');
    if (query.language !== 'ES|QL') return;
    expect(query.parsed.ok).toBe(false);
    if (!query.parsed.ok) {
      expect(query.parsed.errors.length).toBeGreaterThan(0);
      expect(query.parsed.errors[0]).toMatchObject({ kind: 'parsing', line: 1 });
    }
  });

  it('keeps a hunt with a broken ES|QL query, with its errors', () => {
    const { hunt } = loadOk(huntToml({ queries: ['from logs-* | where\n', 'from logs-* | limit 1\n'] }));
    expect(hunt.queries.map((q) => q.language === 'ES|QL' && q.parsed.ok)).toEqual([false, true]);
  });

  it('keeps a hunt with unknown keys and warns about each', () => {
    const result = loadOk(huntToml({ extra: 'severity = "high"\n[extra]\nx = 1\n' }));
    expect(result.hunt.name).toBe('Rare Things');
    expect(result.warnings.map((w) => w.message)).toEqual([
      "unknown top-level key [extra] ignored (Elastic's loader rejects it)",
      "unknown key [severity] in [hunt] ignored (Elastic's loader rejects it)",
    ]);
  });
});

describe('locateHuntFile', () => {
  it('takes the stem as id and the folder above queries/ as platform', () => {
    expect(locateHuntFile('macos/queries/a_b.toml')).toEqual({ id: 'a_b', platform: 'macos' });
    expect(locateHuntFile('loose.toml')).toEqual({ id: 'loose', platform: undefined });
    expect(locateHuntFile('linux/x.toml', 'linux')).toEqual({ id: 'x', platform: 'linux' });
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, parse, print, printMultiline, tokenize } from '..';
import { resolver } from '../testing/network-index';

function analyzeText(text: string) {
  const parsed = parse(text);
  if (!parsed.ok) return { parseErrors: parsed.errors.map((e) => e.message) };
  const result = analyze(parsed.query, text, resolver);
  return result.ok ? { analyzed: result.analyzed } : { errors: result.errors.map((e) => `${e.kind}: ${e.message}`) };
}

describe('SET statements', () => {
  it('parses settings before the source command, names and spans at `name = value`', () => {
    const parsed = parse('SET unmapped_fields = "nullify"; set `time_zone`="UTC";\nROW a = 1');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.query.settings?.map((s) => [s.name, s.span.start])).toEqual([['unmapped_fields', 4], ['time_zone', 37]]);
    expect(parsed.query.commands.map((c) => c.kind)).toEqual(['row']);
  });

  it('leaves a query without SET as before (no settings, `;` elsewhere still unrecognised)', () => {
    const parsed = parse('ROW a = 1');
    expect(parsed.ok && parsed.query.settings).toBeUndefined();
    expect(tokenize('ROW a = 1;').some((t) => t.type === 'error' && t.text === ';')).toBe(true);
  });

  it('reports a SET without its `;` or its query as a syntax error', () => {
    const missingQuery = parse('SET unmapped_fields = "nullify";');
    expect(missingQuery.ok ? '' : missingQuery.errors[0].message).toMatch(/^mismatched input '<EOF>'/);
  });

  it('prints the settings back, so a rewritten query keeps them', () => {
    const parsed = parse('SET unmapped_fields="nullify"; FROM logs | KEEP a');
    if (!parsed.ok) throw new Error('no parse');
    expect(print(parsed.query)).toBe('SET unmapped_fields = "nullify"; FROM logs | KEEP a');
    expect(printMultiline(parsed.query)).toBe('SET unmapped_fields = "nullify";\nFROM logs\n| KEEP a');
  });
});

describe('SET validation (analysis)', () => {
  it('reads an unknown column as a null column under unmapped_fields="nullify"', () => {
    const { analyzed } = analyzeText('SET unmapped_fields="NULLIFY"; ROW x = 1 | EVAL y = foo');
    expect(analyzed?.output).toEqual([{ name: 'x', type: 'integer' }, { name: 'y', type: 'null' }]);
    expect(analyzed?.nullified?.size).toBe(1);
  });

  it('keeps "Unknown column" under the default and under "fail"', () => {
    expect(analyzeText('SET unmapped_fields="fail"; ROW x = 1 | EVAL y = foo').errors).toEqual(['verification: Unknown column [foo]']);
  });

  it('refuses unknown settings, wrong types, bad values and settings the engine cannot honour', () => {
    expect(analyzeText('SET foo = "x"; ROW x = 1').errors).toEqual(['parsing: Unknown setting [foo]']);
    expect(analyzeText('SET unmapped_fields = true; ROW x = 1').errors).toEqual(['parsing: Setting [unmapped_fields] must be of type KEYWORD']);
    expect(analyzeText('SET unmapped_fields = "load"; ROW x = 1').errors).toEqual([
      'verification: Error validating setting [unmapped_fields]: Invalid unmapped_fields resolution [load], must be one of [FAIL, NULLIFY]',
    ]);
    expect(analyzeText('SET time_zone = "Europe/Paris"; ROW x = 1').errors?.[0]).toMatch(/^unsupported: SET time_zone \[Europe\/Paris\]/);
    expect(analyzeText('SET time_zone = "Z"; ROW x = 1').analyzed).toBeDefined();
    expect(analyzeText('SET approximate = true; ROW x = 1').errors).toEqual(['verification: Setting [approximate] is only available in snapshot builds']);
  });

  it('refuses KEEP and RENAME of an unmapped name under nullify (a null column there is not supported)', () => {
    expect(analyzeText('SET unmapped_fields="nullify"; ROW x = 1 | KEEP foo').errors?.[0]).toMatch(/^unsupported: unmapped field \[foo\] in KEEP/);
    expect(analyzeText('SET unmapped_fields="nullify"; ROW x = 1 | RENAME foo AS bar').errors?.[0]).toMatch(/^unsupported: unmapped field \[foo\] in RENAME/);
  });
});

describe('nullify and columns that existed', () => {
  it('refuses a dropped column under nullify rather than guessing', () => {
    expect(analyzeText('SET unmapped_fields="nullify"; ROW x = 1 | DROP x | EVAL y = x').errors?.[0]).toMatch(/^unsupported: column \[x\] was dropped/);
  });
});

import { describe, expect, it } from 'vitest';
import { analyseLookalike, lookalikeBadgeText, type LookalikeAnalysis, type LookalikeFinding } from './lookalike';
import { lookalikeKey, skeleton } from './skeleton';
import { mixedScripts } from './scripts';

function findings(text: string): LookalikeFinding[] {
  const a = analyseLookalike(text);
  return a.kind === 'plain' ? [] : a.findings;
}

function suspicious(text: string): Extract<LookalikeAnalysis, { kind: 'suspicious' }> {
  const a = analyseLookalike(text);
  if (a.kind !== 'suspicious') throw new Error(`expected ${JSON.stringify(text)} to be suspicious`);
  return a;
}

describe('skeleton (UTS #39, Unicode confusables data)', () => {
  it('maps a Cyrillic es to c and drops default-ignorable characters', () => {
    expect(skeleton('\u0441url')).toBe('curl');
    expect(skeleton('cur\u200bl')).toBe('curl');
    expect(skeleton('\u0455vс\u04bbоѕt.ехе')).toBe('svchost.exe');
  });

  it('leaves ASCII prototypes as they are and expands m the standard way', () => {
    expect(skeleton('curl')).toBe('curl');
    expect(skeleton('m')).toBe('rn');
  });

  it('look-alike keys ignore case and fullwidth forms, and keep a capital I standing for l', () => {
    expect(lookalikeKey('CURL')).toBe(lookalikeKey('curl'));
    expect(lookalikeKey('\uff43\uff55\uff52\uff4c')).toBe('curl');
    expect(lookalikeKey('Isass.exe')).toBe(lookalikeKey('lsass.exe'));
    expect(lookalikeKey('\u0421URL')).toBe('curl');
  });
});

describe('analyseLookalike', () => {
  it('plain printable ASCII gets no badge, even when it imitates a name with ASCII only', () => {
    expect(analyseLookalike('curl')).toEqual({ kind: 'plain' });
    expect(analyseLookalike('/usr/bin/python3 -c "import os"')).toEqual({ kind: 'plain' });
    expect(analyseLookalike('cur1')).toEqual({ kind: 'plain' });
  });

  it('сurl (Cyrillic es) is a look-alike of curl that mixes scripts, naming U+0441', () => {
    const [lookalike, mixed] = findings('\u0441url');
    expect(lookalike).toEqual({ kind: 'lookalike', target: 'curl', codePoints: [{ code: 0x441, label: 'U+0441', detail: 'Cyrillic' }] });
    expect(mixed).toEqual({ kind: 'mixed-scripts', scripts: ['Latin', 'Cyrillic'], codePoints: [{ code: 0x441, label: 'U+0441', detail: 'Cyrillic' }] });
  });

  it('finds the impostor inside a path and a command line', () => {
    expect(findings('/usr/bin/\u0441url -s https://x.example').map((f) => f.kind)).toEqual(['lookalike', 'mixed-scripts']);
    expect(findings('C:\\Windows\\System32\\svch\u043Est.exe -k netsvcs')[0]).toMatchObject({ kind: 'lookalike', target: 'svchost.exe' });
  });

  it('ѕsh (Cyrillic dze) is a look-alike of ssh', () => {
    expect(findings('\u0455sh')[0]).toEqual({ kind: 'lookalike', target: 'ssh', codePoints: [{ code: 0x455, label: 'U+0455', detail: 'Cyrillic' }] });
  });

  it('a zero-width space inside curl is a hidden character and still a look-alike of curl', () => {
    expect(findings('cur\u200bl')).toEqual([
      { kind: 'lookalike', target: 'curl', codePoints: [{ code: 0x200b, label: 'U+200B', detail: 'invisible character' }] },
      { kind: 'hidden', codePoints: [{ code: 0x200b, label: 'U+200B', detail: 'invisible character' }] },
    ]);
  });

  it('a right-to-left override that shows exe.gpj as a picture is a hidden bidi control', () => {
    const a = suspicious('invoice\u202Egpj.exe');
    expect(a.findings).toEqual([{ kind: 'hidden', codePoints: [{ code: 0x202e, label: 'U+202E', detail: 'bidi control' }] }]);
    expect(lookalikeBadgeText(a)).toEqual({ label: 'hidden characters', description: 'Hidden characters: U+202E bidi control' });
  });

  it('names soft hyphens, isolates and no-break spaces, and sees bash through them', () => {
    const hidden = [
      { code: 0xad, label: 'U+00AD', detail: 'invisible character' },
      { code: 0x2066, label: 'U+2066', detail: 'bidi control' },
    ];
    expect(findings('ba\u00adsh\u2066 \u00a0')).toEqual([
      { kind: 'lookalike', target: 'bash', codePoints: hidden },
      { kind: 'hidden', codePoints: [...hidden, { code: 0xa0, label: 'U+00A0', detail: 'unusual space' }] },
    ]);
  });

  it('a legitimate all-Cyrillic word is not odd; a Cyrillic word with one Latin letter is', () => {
    expect(analyseLookalike('привет')).toEqual({ kind: 'plain' });
    expect(analyseLookalike('C:\\Users\\Иван\\report.docx')).toEqual({ kind: 'plain' });
    expect(findings('пpивет')).toEqual([{ kind: 'mixed-scripts', scripts: ['Cyrillic', 'Latin'], codePoints: [{ code: 0x70, label: 'U+0070', detail: 'Latin' }] }]);
  });

  it('Japanese mixing Han, Hiragana and Katakana is one writing system', () => {
    expect(mixedScripts('漢字ひらがなカタカナ')).toBeUndefined();
    expect(analyseLookalike('東京タワー')).toEqual({ kind: 'plain' });
  });

  it('accented Latin and a watched name written in its own case are not odd', () => {
    expect(analyseLookalike('café-daemon')).toEqual({ kind: 'plain' });
    expect(analyseLookalike('CMD.EXE')).toEqual({ kind: 'plain' });
  });

  it('control characters are left to the escaping, which already shows them', () => {
    expect(analyseLookalike('kthreadd\u0007')).toEqual({ kind: 'plain' });
  });

  it('the badge text shows the first finding and counts the rest; the description has every code point', () => {
    expect(lookalikeBadgeText(suspicious('\u0441url'))).toEqual({
      label: 'look-alike of curl +1',
      description: 'Look-alike of curl: U+0441 Cyrillic. Mixed scripts (Latin and Cyrillic) in one name: U+0441 Cyrillic',
    });
  });

  it('the description never repeats the value, only code points', () => {
    const { description } = lookalikeBadgeText(suspicious('<img src=x>\u202E\u0441url'));
    expect(description).not.toContain('<img');
    expect(description).not.toMatch(/[\u202e\u0441]/);
  });

  it('lists at most eight code points and counts the rest', () => {
    const { description } = lookalikeBadgeText(suspicious('a\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u00ad\ufeff'));
    expect(description).toMatch(/, U\+2064 invisible character and 2 more$/);
  });
});

import { describe, expect, it } from 'vitest';
import * as cliEscape from '../../cli/escape';
import { escapeChar, escapeVisible, escapeVisibleKeepNewlines, segmentUnsafe } from './escape';

describe('escapeVisible', () => {
  it('spells out controls, bidi overrides and invisible characters', () => {
    expect(escapeVisible('\u202Egnp.sh')).toBe('\\u202egnp.sh');
    expect(escapeVisible('kthreadd\u0007')).toBe('kthreadd\\x07');
    expect(escapeVisible('a\u200Bb\tc\nd\x1b[31m')).toBe('a\\u200bb\\tc\\nd\\x1b[31m');
    expect(escapeVisible('plain <b>text</b> é')).toBe('plain <b>text</b> é');
  });
  it('keeps newlines on request', () => {
    expect(escapeVisibleKeepNewlines('a\nb\u0000')).toBe('a\nb\\x00');
  });
  it('is still what the CLI imports', () => {
    expect(cliEscape.escapeVisible).toBe(escapeVisible);
  });
  it('names single characters', () => {
    expect(escapeChar('\r')).toBe('\\r');
    expect(escapeChar('\u0085')).toBe('\\x85');
  });
});

describe('segmentUnsafe', () => {
  it('cuts text into plain runs and escapes with a reason', () => {
    expect(segmentUnsafe('x\u202Ey\u0007')).toEqual([
      { kind: 'text', text: 'x' },
      { kind: 'escape', text: '\\u202e', code: 0x202e, reason: 'bidirectional text control' },
      { kind: 'text', text: 'y' },
      { kind: 'escape', text: '\\x07', code: 7, reason: 'control character' },
    ]);
  });
  it('returns one run for safe text and nothing for empty text', () => {
    expect(segmentUnsafe('curl')).toEqual([{ kind: 'text', text: 'curl' }]);
    expect(segmentUnsafe('')).toEqual([]);
  });
  it('keeps newlines as text when asked', () => {
    expect(segmentUnsafe('a\nb', { keepNewlines: true })).toEqual([{ kind: 'text', text: 'a\nb' }]);
    expect(segmentUnsafe('a\nb').map((s) => s.kind)).toEqual(['text', 'escape', 'text']);
  });
});

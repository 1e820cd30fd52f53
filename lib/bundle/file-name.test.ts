import { describe, expect, it } from 'vitest';
import { DEFAULT_FILE_NAME, MAX_FILE_NAME_LENGTH, safeFileName } from './file-name';

describe('the stored name of an uploaded bundle', () => {
  it('is a base name, never a path, however the path is spelt', () => {
    expect(safeFileName('../../hostile.gz')).toBe('hostile.gz');
    expect(safeFileName('..%2F..%2Fhostile.gz')).toBe('hostile.gz');
    expect(safeFileName('..\\..\\windows\\hostile.gz')).toBe('hostile.gz');
    expect(safeFileName('/etc/passwd')).toBe('passwd');
    expect(safeFileName('..')).toBe(DEFAULT_FILE_NAME);
    expect(safeFileName('.hidden.gz')).toBe('hidden.gz');
  });

  it('drops control, bidi and line-separator characters and keeps the readable rest', () => {
    expect(safeFileName('week\u0000one\r\n.gz')).toBe('weekone.gz');
    expect(safeFileName('invoice\u202Ezg.exe')).toBe('invoicezg.exe');
    expect(safeFileName('%1B[31mred%E2%80%8F.gz')).toBe('[31mred.gz');
    expect(safeFileName('a\u2028b\u2029c\u2066d\u2069.gz')).toBe('abcd.gz');
    expect(safeFileName('week%20one.huntboard.gz')).toBe('week one.huntboard.gz');
    expect(safeFileName('bad %E0%A4%A percent.gz')).toBe('bad %E0%A4%A percent.gz');
  });

  it('is bounded, never empty', () => {
    expect([...safeFileName('x'.repeat(5_000))]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safeFileName('😀'.repeat(500))).toBe('😀'.repeat(MAX_FILE_NAME_LENGTH));
    expect(safeFileName('')).toBe(DEFAULT_FILE_NAME);
    expect(safeFileName(null)).toBe(DEFAULT_FILE_NAME);
    expect(safeFileName('\u0007\u202E')).toBe(DEFAULT_FILE_NAME);
  });
});

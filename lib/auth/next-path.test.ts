import { describe, expect, it } from 'vitest';
import { safeNextPath, signInPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeNextPath('/hunts/seed?q=2&w=7d#row-3')).toBe('/hunts/seed?q=2&w=7d#row-3');
    expect(safeNextPath('/')).toBe('/');
    expect(safeNextPath(['/runs', '/x'])).toBe('/runs');
  });

  it('sends everything else to /', () => {
    for (const bad of [undefined, null, '', 'runs', '//evil.example/x', '/\\evil.example', '/\tevil', 'https://evil.example/', 'javascript:alert(1)', '/\n/evil.example', `/${'a'.repeat(2001)}`]) {
      expect(safeNextPath(bad)).toBe('/');
    }
  });

  it('normalises dot segments without leaving the site', () => {
    expect(safeNextPath('/a/../../runs')).toBe('/runs');
    expect(safeNextPath('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
  });
});

describe('signInPath', () => {
  it('comes back to a same-site path only', () => {
    expect(signInPath('/hunts/seed?q=2')).toBe('/signin?next=%2Fhunts%2Fseed%3Fq%3D2');
    expect(signInPath('/')).toBe('/signin');
    expect(signInPath('//evil.example')).toBe('/signin');
  });
});

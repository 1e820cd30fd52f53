/** Test inputs: NDJSON lines nested deep, and seeded noise (blank lines, CRLF, deep lines) mixed into others. */
import { lcg } from './events';

/** A line `{"n":n,"d":…}` whose nesting depth, as a JSON parser counts it (the line itself is 1), is `depth`, in objects. */
export function deepObjectLine(n: number, depth: number): string {
  const inner = depth - 1;
  return `{"n":${n},"d":${'{"a":'.repeat(inner - 1)}{"a":1}${'}'.repeat(inner - 1)}}`;
}

/** The same in arrays: `{"n":n,"d":[[…[1]…]]}`. */
export function deepArrayLine(n: number, depth: number): string {
  return `{"n":${n},"d":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`;
}

/** `lines` with, here and there, blank lines, CRLF endings and lines nested 3,000 levels or just at the limits. */
export function noisyLines(lines: string[], seed: number): string[] {
  const rand = lcg(seed);
  const out: string[] = [];
  for (const [i, line] of lines.entries()) {
    const r = rand();
    if (r < 0.05) out.push('');
    else if (r < 0.08) out.push(' \t ');
    else if (r < 0.1) out.push(deepObjectLine(i, 3000));
    else if (r < 0.12) out.push(deepArrayLine(i, 3000));
    else if (r < 0.13) out.push(deepObjectLine(i, 1000));
    else if (r < 0.14) out.push(deepArrayLine(i, 1001));
    else if (r < 0.16) out.push(deepObjectLine(i, 25));
    out.push(rand() < 0.1 ? `${line}\r` : line);
  }
  return out;
}
